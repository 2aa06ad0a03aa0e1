package org.baeum.base.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;

/**
 * Method security's expressions ({@code @PreAuthorize("hasRole('CITIZEN')")} and the like) are compiled to bytecode
 * by SpEL once they have run a number of times, instead of being interpreted with reflection on every call (docs/
 * decisions/0063-compiled-security-expressions-and-api-path-index.md). The handler is Spring Security's own
 * ({@link DefaultMethodSecurityExpressionHandler}: role prefix {@code ROLE_}, no role hierarchy, the application
 * context for bean references, as {@code @EnableMethodSecurity} makes it); only its parser differs, in SpEL's
 * {@link SpelCompilerMode#MIXED} mode: an expression that cannot be compiled, or whose compiled form fails, is
 * interpreted as before, so every check gives the same answer.
 */
@Configuration(proxyBeanMethods = false)
class CompiledMethodSecurity {

    @Bean
    static MethodSecurityExpressionHandler methodSecurityExpressionHandler() {
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setExpressionParser(compilingParser());
        return handler;
    }

    static SpelExpressionParser compilingParser() {
        return new SpelExpressionParser(new SpelParserConfiguration(SpelCompilerMode.MIXED,
                SecurityExpressionRoot.class.getClassLoader()));
    }
}
