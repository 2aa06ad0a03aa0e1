package org.baeum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.ClassUtils;
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
 * portal's {@code @PreAuthorize} annotations use (found on the running portal's beans, including bean references,
 * method arguments and {@code SystemIdentity.ONLY}), for every role, signed in or not, past SpEL's compilation
 * threshold; the plain role expressions do compile; and a service
 * method's refusal still refuses after more calls than it takes SpEL to compile the expression.
 */
@BaeumIntegrationTest
class CompiledMethodSecurityTest {

    /** The plain role expressions of the portal (grep -rho '@PreAuthorize("[^"]*")'): all of them compile. */
    static final List<String> SIMPLE = List.of("hasAnyRole('STAFF','ADMIN')", "hasRole('CITIZEN')", "permitAll()",
            "isAuthenticated()", "hasRole('ADMIN')", "hasRole('INSTRUCTOR')", "hasAnyRole('INSTRUCTOR','STAFF','ADMIN')",
            "hasAnyRole('CITIZEN','STAFF','ADMIN')");

    @Autowired
    MethodSecurityExpressionHandler handler;
    @Autowired
    ApplicationContext context;
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
        Map<String, MethodInvocation> annotated = annotatedMethods();
        assertThat(annotated.keySet()).as("the portal's @PreAuthorize expressions").containsAll(SIMPLE)
                .contains(SystemIdentity.ONLY).hasSizeGreaterThan(SIMPLE.size() + 5);
        SpelExpressionParser interpreter = new SpelExpressionParser();
        int allowed = 0;
        int compared = 0;
        for (var entry : annotated.entrySet()) {
            String text = entry.getKey();
            MethodInvocation invocation = entry.getValue();
            Expression compiled = handler.getExpressionParser().parseExpression(text);
            Expression interpreted = interpreter.parseExpression(text);
            for (var caller : callers.entrySet()) {
                for (int i = 0; i < 150; i++) { // past SpEL's threshold of interpreted runs in MIXED mode
                    String answer = outcome(compiled, caller.getValue(), invocation);
                    String expected = outcome(interpreted, caller.getValue(), invocation);
                    assertThat(answer).as(text + " for " + caller.getKey() + ", run " + i).isEqualTo(expected);
                    compared++;
                    if (i == 0 && answer.equals("true")) {
                        allowed++;
                    }
                }
            }
            if (SIMPLE.contains(text)) {
                assertThat(((SpelExpression) compiled).compileExpression()).as(text + " compiles").isTrue();
            }
        }
        assertThat(compared).isGreaterThan(10_000);
        // the table is not all "yes" or all "no": anonymous is refused by the role checks, admitted by permitAll()
        assertThat(allowed).isBetween(10, annotated.size() * callers.size() - 10);
    }

    /** Each distinct {@code @PreAuthorize} expression of the portal's beans, with one method that carries it. */
    private Map<String, MethodInvocation> annotatedMethods() {
        Map<String, MethodInvocation> found = new TreeMap<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !type.getName().startsWith("org.baeum.")) {
                continue;
            }
            Class<?> target = ClassUtils.getUserClass(type);
            for (Method m : target.getDeclaredMethods()) {
                PreAuthorize pre = AnnotationUtils.findAnnotation(m, PreAuthorize.class);
                if (pre != null && !found.containsKey(pre.value())) {
                    found.put(pre.value(), new SimpleMethodInvocation(context.getBean(name), m,
                            new Object[m.getParameterCount()]));
                }
            }
        }
        return found;
    }

    /** The expression's value for the caller, or the class of what it threw. */
    private String outcome(Expression e, Authentication caller, MethodInvocation invocation) {
        try {
            return String.valueOf(e.getValue(handler.createEvaluationContext(supplier(caller), invocation), Boolean.class));
        } catch (RuntimeException ex) {
            return ex.getClass().getName();
        }
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
