package it.soglia.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.PageTest;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.SignInSteps.Enrolment;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recovery codes: shown once after enrolment, each usable once instead of the authenticator's code, counted on the
 * profile, regenerated there, erased by a reset; every use and change mailed and audited.
 */
class RecoveryCodesIT extends PageTest {

    private static final String REJECTED = "Codice di recupero non valido o già usato.";

    @Test
    void enrolmentShowsTenCodesOnceAndStoresOnlyTheirHashes() {
        TestAccount account = accounts.create("rcshown");
        WebSession session = steps.newSession();
        Page enrol = steps.password(session, account.username(), account.password());
        Page codesPage = steps.code(session, enrol, Codes.code(SignInSteps.keyOn(enrol), server.clock().now(), 0));

        List<String> codes = SignInSteps.recoveryCodesOn(codesPage);
        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"));
        assertThat(codesPage.headers().firstValue("Cache-Control")).contains("no-store");
        var download = session.submitRaw(codesPage, "recoveryCodes", Map.of(), "recovery-codes-download");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).contains("attachment"));
        assertThat(download.body()).contains(codes.toArray(String[]::new));

        var stored = server.database().column("select code_hash from recovery_code where account_id = ?", account.id());
        assertThat(stored).hasSize(10)
                .allSatisfy(hash -> assertThat(hash).matches("pbkdf2-sha256\\$\\d+\\$[0-9a-f]{32}\\$[0-9a-f]{64}"));
        for (String code : codes) {
            assertThat(String.join(",", stored)).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }

        Page profile = steps.acknowledgeRecoveryCodes(session, codesPage);
        assertThat(profile.text("recovery-codes-left")).contains("10 su 10");
        assertThat(profile.has("recovery-codes-few")).isFalse();
        assertThat(session.get("/recovery-codes").path()).isEqualTo("/soglia/profile"); // shown once, not again
    }

    @Test
    void aRecoveryCodeSignsInOnceIsMailedAuditedAndCounted() {
        TestAccount account = accounts.create("rcused");
        Enrolment enrolment = steps.enrolKeepingRecoveryCodes(steps.newSession(), account);
        String code = enrolment.recoveryCodes().get(3);

        WebSession session = steps.newSession();
        Page codePage = steps.password(session, account.username(), account.password());
        assertThat(codePage.byId("use-recovery-code").orElseThrow().text()).isEqualTo("Usa un codice di recupero");
        // typed as people type it: lower case, no dashes
        Page profile = steps.useRecoveryCode(session, codePage, code.replace("-", "").toLowerCase(Locale.ROOT));

        assertThat(profile.path()).isEqualTo("/soglia/profile");
        assertThat(profile.text("recovery-codes-left")).contains("9 su 10");
        assertThat(accounts.auditTypes(account)).contains("RECOVERY_CODE_USED");
        var mail = server.mail().awaitContaining(account.email(), "codice di recupero al posto del codice");
        assertThat(mail.text()).contains("te ne restano 9").contains("browser");

        WebSession again = steps.newSession();
        Page refused = steps.useRecoveryCode(again, steps.password(again, account.username(), account.password()), code);
        assertThat(refused.path()).isEqualTo("/soglia/recovery-code");
        assertThat(refused.messages()).isEqualTo(REJECTED);
        assertThat(accounts.column(account, "code_failures")).isEqualTo("1"); // a wrong recovery code is a wrong code
        assertThat(refused.byId("recovery:code").orElseThrow().val()).isEmpty();
    }

    @Test
    void somethingThatCannotBeARecoveryCodeIsExplainedAndNotCounted() {
        TestAccount account = accounts.create("rcmalformed");
        steps.enrol(steps.newSession(), account);
        WebSession session = steps.newSession();
        Page codePage = steps.password(session, account.username(), account.password());

        Page refused = steps.useRecoveryCode(session, codePage, "123456");

        assertThat(refused.messages()).contains("16 caratteri");
        assertThat(accounts.column(account, "code_failures")).isEqualTo("0");
    }

    @Test
    void underThreeCodesLeftTheProfileWarns() {
        TestAccount account = accounts.create("rcfew");
        Enrolment enrolment = steps.enrolKeepingRecoveryCodes(steps.newSession(), account);
        Page profile = null;
        for (String code : enrolment.recoveryCodes().subList(0, 8)) {
            WebSession session = steps.newSession();
            profile = steps.useRecoveryCode(session, steps.password(session, account.username(), account.password()),
                    code);
        }

        assertThat(profile.text("recovery-codes-left")).contains("2 su 10");
        assertThat(profile.text("recovery-codes-few")).contains("pochi codici di recupero");
    }

    @Test
    void theProfileMakesANewSetAndTheOldCodesStopWorking() {
        TestAccount account = accounts.create("rcnew");
        WebSession session = steps.newSession();
        Enrolment enrolment = steps.enrolKeepingRecoveryCodes(session, account);

        Page newCodes = session.submit(session.get("/profile"), "recovery", Map.of(), "recovery:regenerate");

        assertThat(newCodes.path()).isEqualTo("/soglia/recovery-codes");
        List<String> fresh = SignInSteps.recoveryCodesOn(newCodes);
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(enrolment.recoveryCodes());
        assertThat(accounts.auditTypes(account)).contains("RECOVERY_CODES_REGENERATED");
        server.mail().awaitContaining(account.email(), "nuovi codici di recupero");

        WebSession other = steps.newSession();
        Page codePage = steps.password(other, account.username(), account.password());
        assertThat(steps.useRecoveryCode(other, codePage, enrolment.recoveryCodes().get(0)).messages())
                .isEqualTo(REJECTED);
        Page signedIn = steps.useRecoveryCode(other, other.get("/code"), fresh.get(0));
        assertThat(signedIn.path()).isEqualTo("/soglia/profile");
    }

    @Test
    void anOldSignInMustTypeThePasswordAgainBeforeANewSet() {
        TestAccount account = accounts.create("rcstale");
        WebSession session = steps.newSession();
        Enrolment enrolment = steps.enrolKeepingRecoveryCodes(session, account);
        server.clock().advance(java.time.Duration.ofMinutes(11));

        Page refused = session.submit(session.get("/profile"), "recovery", Map.of(), "recovery:regenerate");

        assertThat(refused.path()).isEqualTo("/soglia/profile");
        assertThat(refused.messages()).isNotEmpty();
        assertThat(accounts.auditTypes(account)).doesNotContain("RECOVERY_CODES_REGENERATED");
        WebSession other = steps.newSession();
        assertThat(steps.useRecoveryCode(other, steps.password(other, account.username(), account.password()),
                enrolment.recoveryCodes().get(0)).path()).isEqualTo("/soglia/profile"); // the old set still works
    }

    @Test
    void aResetErasesTheCodes() {
        TestAccount account = accounts.create("rcreset");
        WebSession session = steps.newSession();
        Enrolment enrolment = steps.enrolKeepingRecoveryCodes(session, account);

        session.submit(session.get("/profile"), "profile", Map.of(), "profile:confirmReset");

        assertThat(server.database().column("select count(*) from recovery_code where account_id = ?", account.id()))
                .containsExactly("0");
        WebSession later = steps.newSession();
        assertThat(steps.password(later, account.username(), account.password()).path()).isEqualTo("/soglia/enroll");
        assertThat(later.get("/recovery-code").path()).isNotEqualTo("/soglia/recovery-code"); // first access: no codes
        Page codePage = steps.password(later, account.username(), account.password());
        assertThat(codePage.has("use-recovery-code")).isFalse();
        assertThat(enrolment.recoveryCodes()).hasSize(10);
    }

    @Test
    void tooManyWrongCodesLockAlsoTheRecoveryCodesAndTheOwnerIsTold() {
        TestAccount account = accounts.create("rclock");
        Enrolment enrolment = steps.enrolKeepingRecoveryCodes(steps.newSession(), account);
        WebSession session = steps.newSession();
        Page page = steps.password(session, account.username(), account.password());
        for (int i = 0; i < 5; i++) {
            page = steps.code(session, page, Codes.wrongCode(enrolment.key(), server.clock().now()));
        }

        Page locked = steps.useRecoveryCode(session, page, enrolment.recoveryCodes().get(0));

        assertThat(locked.messages()).contains("bloccata fino alle");
        assertThat(locked.path()).isEqualTo("/soglia/recovery-code");
        var mail = server.mail().awaitContaining(account.email(), "troppi codici errati");
        assertThat(mail.text()).contains("Fino alle").contains("browser");
    }
}
