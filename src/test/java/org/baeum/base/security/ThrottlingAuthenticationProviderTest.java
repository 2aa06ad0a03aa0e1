package org.baeum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in as the portal does it (real accounts, Argon2, the shared database), with an account-wide bound of
 * 10 so that a distributed attack takes 40 attempts, not hundreds; the portal's own throttle and settings stay as
 * they are (no second Spring context).
 */
@BaeumIntegrationTest
class ThrottlingAuthenticationProviderTest {

    static final int BOUND = 10;

    @Autowired
    TestAccounts accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;
    @Autowired
    SecuritySettings settings;

    ThrottlingAuthenticationProvider provider;

    @BeforeEach
    void provider() {
        database.getCollection(LoginThrottle.COLLECTION).deleteMany(new Document());
        SecuritySettings.Login portal = settings.login();
        var low = new SecuritySettings.Login(portal.maxFailuresPerAccount(), portal.maxFailuresPerAddress(), portal.window(),
                BOUND, portal.maxBackoff(), portal.familiarFor());
        provider = new ThrottlingAuthenticationProvider(users, encoder,
                new LoginThrottle(database, new SecuritySettings(null, low, null), clock));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void forty_simultaneous_wrong_passwords_from_forty_addresses_get_the_account_wide_bound_of_refusals_and_no_more() throws Exception {
        accounts.userOrCreate("spread-target", Role.CITIZEN);
        List<Object> outcomes = simultaneously(40, i -> attempt("spread-target", "guess " + i, "10.20.0." + i));
        assertThat(outcomes).filteredOn(o -> o == BadCredentialsException.class).hasSize(BOUND);
        assertThat(outcomes).filteredOn(o -> o == LoginThrottle.Limit.ACCOUNT_WIDE).hasSize(40 - BOUND);
    }

    @Test
    void a_login_that_matches_no_account_is_held_to_the_same_bound() throws Exception {
        List<Object> outcomes = simultaneously(40, i -> attempt("nobody-at-all", "guess " + i, "10.21.0." + i));
        assertThat(outcomes).filteredOn(o -> o == BadCredentialsException.class).hasSize(BOUND);
        assertThat(outcomes).filteredOn(o -> o == LoginThrottle.Limit.ACCOUNT_WIDE).hasSize(40 - BOUND);
    }

    @Test
    void once_the_bound_is_reached_the_owner_still_signs_in_where_they_did_before_but_not_from_a_new_address() throws Exception {
        accounts.userOrCreate("usual-owner", Role.ADMIN);
        assertThat(attempt("usual-owner", TestAccounts.PASSWORD, "198.51.100.30")).isInstanceOf(Authentication.class);
        simultaneously(40, i -> attempt("usual-owner", "guess " + i, "10.22.0." + i));

        assertThat(attempt("usual-owner", TestAccounts.PASSWORD, "198.51.100.30"))
                .as("the familiar address").isInstanceOf(Authentication.class);
        assertThat(attempt("usual-owner", TestAccounts.PASSWORD, "198.51.100.31"))
                .as("an unfamiliar address waits out the back-off").isEqualTo(LoginThrottle.Limit.ACCOUNT_WIDE);

        clock.advance(settings.login().window().plus(Duration.ofSeconds(1)));
        assertThat(attempt("usual-owner", TestAccounts.PASSWORD, "198.51.100.31")).isInstanceOf(Authentication.class);
    }

    @Test
    void a_deactivated_account_with_its_right_password_is_refused_like_a_wrong_password_and_counted() {
        accounts.create("switched-off", Role.CITIZEN, false);
        for (int i = 0; i < settings.login().maxFailuresPerAccount(); i++) {
            assertThat(attempt("switched-off", TestAccounts.PASSWORD, "192.0.2.40")).isEqualTo(BadCredentialsException.class);
        }
        assertThat(attempt("switched-off", TestAccounts.PASSWORD, "192.0.2.40")).isEqualTo(LoginThrottle.Limit.ACCOUNT_FROM_ADDRESS);
    }

    @Test
    void a_successful_sign_in_carries_the_accounts_roles_the_password_factor_and_the_address() {
        accounts.userOrCreate("plain-signin", Role.STAFF);
        Object result = attempt(" Plain-Signin ", TestAccounts.PASSWORD, "192.0.2.41");
        assertThat(result).isInstanceOf(Authentication.class);
        Authentication auth = (Authentication) result;
        assertThat(auth.getPrincipal()).isInstanceOf(BaeumUser.class);
        assertThat(auth.getAuthorities()).extracting(a -> a.getAuthority()).contains("ROLE_STAFF", "FACTOR_PASSWORD");
        assertThat(auth.getDetails()).isEqualTo(new ClientAddressDetails("192.0.2.41"));
        assertThatThrownBy(() -> provider.authenticate(token("plain-signin", "", "192.0.2.41")))
                .isInstanceOf(BadCredentialsException.class);
    }

    /** The result of one sign-in: the authentication, {@code BadCredentialsException.class}, or the limit that refused it. */
    private Object attempt(String login, String password, String address) {
        try {
            return provider.authenticate(token(login, password, address));
        } catch (LoginThrottledException e) {
            return e.limit();
        } catch (BadCredentialsException e) {
            return BadCredentialsException.class;
        }
    }

    private static UsernamePasswordAuthenticationToken token(String login, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        token.setDetails(new ClientAddressDetails(address));
        return token;
    }

    interface Attempt {
        Object run(int i);
    }

    private static List<Object> simultaneously(int n, Attempt attempt) throws Exception {
        return AtOnce.run(n, attempt::run);
    }
}
