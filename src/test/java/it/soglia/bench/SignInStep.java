package it.soglia.bench;

/**
 * The requests of one complete sign-in, in the order a browser sends them. A sign-in to Soglia's own profile uses
 * the five from {@code LOGIN_PAGE} to {@code PROFILE}; an application's sign-in through the OpenID Connect provider
 * begins at {@code AUTHORIZE}, goes through the same login and code steps, returns at {@code RETURN} and ends with
 * the application's own {@code TOKEN} request. A step a flow does not send is not timed (and not reported).
 */
enum SignInStep {
    AUTHORIZE("GET /authorize (application)"),
    LOGIN_PAGE("GET /login"),
    PASSWORD("POST credentials"),
    CODE_PAGE("GET /code"),
    CODE("POST code"),
    PROFILE("GET /profile"),
    RETURN("GET /authorize?resume (back to the application)"),
    TOKEN("POST /token (the application)");

    final String label;

    SignInStep(String label) {
        this.label = label;
    }
}
