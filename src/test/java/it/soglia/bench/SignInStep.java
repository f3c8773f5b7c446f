package it.soglia.bench;

/** The requests of one complete sign-in, in the order a browser sends them. */
enum SignInStep {
    LOGIN_PAGE("GET /login"),
    PASSWORD("POST credentials"),
    CODE_PAGE("GET /code"),
    CODE("POST code"),
    PROFILE("GET /profile");

    final String label;

    SignInStep(String label) {
        this.label = label;
    }
}
