package org.baeum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.enrollment.CitizenEnrollments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.util.SimpleMethodInvocation;

/**
 * Method security's compiled expressions (decision 0063) answer as the interpreted ones did: every expression the
 * portal's {@code @PreAuthorize} annotations use, for every role, signed in or not, once compiled; and a service
 * method's refusal still refuses after more calls than it takes SpEL to compile the expression.
 */
@BaeumIntegrationTest
class CompiledMethodSecurityTest {

    /** The expressions of the portal's {@code @PreAuthorize} annotations (grep -rho '@PreAuthorize("[^"]*")'). */
    static final List<String> EXPRESSIONS = List.of("hasAnyRole('STAFF','ADMIN')", "hasRole('CITIZEN')", "permitAll()",
            "isAuthenticated()", "hasRole('ADMIN')", "hasRole('INSTRUCTOR')", "hasAnyRole('INSTRUCTOR','STAFF','ADMIN')",
            "hasAnyRole('CITIZEN','STAFF','ADMIN')");

    @Autowired
    MethodSecurityExpressionHandler handler;
    @Autowired
    TestAccounts accounts;
    @Autowired
    CitizenEnrollments enrollments;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void every_expression_compiled_gives_the_answer_the_interpreter_gives_for_every_role() throws Exception {
        Map<String, Authentication> callers = new LinkedHashMap<>();
        callers.put("anonymous", new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        for (Role role : Role.values()) {
            callers.put(role.name(), UsernamePasswordAuthenticationToken.authenticated("u-" + role, null,
                    AuthorityUtils.createAuthorityList("ROLE_" + role.name())));
        }
        callers.put("CITIZEN and STAFF", UsernamePasswordAuthenticationToken.authenticated("u-both", null,
                AuthorityUtils.createAuthorityList("ROLE_CITIZEN", "ROLE_STAFF")));
        var invocation = new SimpleMethodInvocation(enrollments, CitizenEnrollments.class.getMethod("myEnrollments"));
        SpelExpressionParser interpreter = new SpelExpressionParser();
        int allowed = 0;
        for (String text : EXPRESSIONS) {
            Expression compiled = handler.getExpressionParser().parseExpression(text);
            Expression interpreted = interpreter.parseExpression(text);
            for (Authentication caller : callers.values()) { // interpreted first: SpEL compiles what has run
                compiled.getValue(handler.createEvaluationContext(supplier(caller), invocation), Boolean.class);
            }
            assertThat(((SpelExpression) compiled).compileExpression()).as(text + " compiles").isTrue();
            for (var caller : callers.entrySet()) {
                for (int i = 0; i < 150; i++) { // past SpEL's threshold of interpreted runs in MIXED mode
                    Boolean answer = compiled.getValue(handler.createEvaluationContext(supplier(caller.getValue()),
                            invocation), Boolean.class);
                    Boolean expected = interpreted.getValue(handler.createEvaluationContext(supplier(caller.getValue()),
                            invocation), Boolean.class);
                    assertThat(answer).as(text + " for " + caller.getKey()).isEqualTo(expected);
                    if (i == 0 && Boolean.TRUE.equals(answer)) {
                        allowed++;
                    }
                }
            }
        }
        // the table is not all "yes" or all "no": anonymous is refused by the role checks, admitted by permitAll()
        assertThat(allowed).isBetween(10, EXPRESSIONS.size() * callers.size() - 10);
    }

    @Test
    void a_citizens_only_service_method_refuses_staff_and_serves_a_citizen_after_the_expression_is_compiled() {
        TestAccounts.signIn(accounts.userOrCreate("cms-staff", Role.STAFF));
        for (int i = 0; i < 250; i++) {
            assertThatThrownBy(() -> enrollments.myEnrollments()).as("call " + i).isInstanceOf(AccessDeniedException.class);
        }
        TestAccounts.signIn(accounts.userOrCreate("cms-citizen", Role.CITIZEN));
        for (int i = 0; i < 250; i++) {
            assertThat(enrollments.myEnrollments()).as("call " + i).isEmpty();
        }
        TestAccounts.signIn(accounts.userOrCreate("cms-staff", Role.STAFF));
        assertThatThrownBy(() -> enrollments.myEnrollments()).isInstanceOf(AccessDeniedException.class);
    }

    private static Supplier<Authentication> supplier(Authentication a) {
        return () -> a;
    }
}
