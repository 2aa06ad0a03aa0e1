package org.baeum.base.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.baeum.base.api.ApiPaths;
import org.baeum.base.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three filter chains: the JSON API (bearer tokens only, no cookies, no CSRF), the actuator (health for all,
 * the rest for ADMIN) and the Vaadin UI (form sign-in with session, ended by {@link SessionLimitsFilter}).
 * Method security is on for services. Every answer carries Spring Security's default headers (nosniff, no caching,
 * HSTS over https) and a {@link ContentSecurityPolicy} (docs/decisions/0019-security-headers.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /** OWASP: Argon2id, 19 MiB memory, 2 iterations, 1 lane (Spring's defaults are lower). */
    static final int ARGON2_MEMORY_KIB = 19 * 1024;
    static final int ARGON2_ITERATIONS = 2;

    /**
     * No Micrometer observations of the security filter chain, of authentication and of each authorization decision
     * (every {@code @PreAuthorize} call). They are tracing spans nobody collects here, and they took about 3 % of the
     * CPU of an enrolment in the rush benchmark (docs/performance.md). HTTP request metrics
     * ({@code http.server.requests}) and sign-in logs are unaffected.
     */
    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, ARGON2_MEMORY_KIB, ARGON2_ITERATIONS);
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        ProviderManager manager = new ProviderManager(List.of(new ThrottlingAuthenticationProvider(users, encoder, throttle)));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, AccountUsers users,
                                    AuthenticationManager manager, ApiPaths apiPaths) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/password-reset",
                                "/api/v1/accounts").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/**", "/api/v1/offerings", "/api/v1/offerings/**",
                                "/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/rounds", "/api/v1/rounds/*",
                                "/api/v1/rounds/*/draw", "/api/v1/certificates/*", "/api/v1/facilities",
                                "/api/v1/facilities/*/slots").permitAll()
                        // a survey's form and answer: the link's token is the credential (decision 0051)
                        .requestMatchers(HttpMethod.GET, "/api/v1/surveys/*").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/surveys/*").permitAll()
                        // a path no controller serves: through to the JSON 404, signed in or not (ApiNotFound)
                        .requestMatchers(apiPaths.unknown()).permitAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.STRICT)))
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> json(res, HttpServletResponse.SC_UNAUTHORIZED,
                                "unauthorized", "Bearer"))
                        .accessDeniedHandler((req, res, ex) -> json(res, HttpServletResponse.SC_FORBIDDEN,
                                "forbidden", null)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ApiTokens tokens, AccountUsers users,
                                         AuthenticationManager manager, SessionLimits sessionLimits) throws Exception {
        http.securityMatcher("/actuator/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .httpBasic(Customizer.withDefaults())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.STRICT)))
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                // a portal session used here obeys the same limits as in the UI
                .addFilterAfter(new SessionLimitsFilter(sessionLimits), SecurityContextHolderFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiSecurity(HttpSecurity http, AuthenticationManager manager, SessionLimits sessionLimits)
            throws Exception {
        http.authenticationManager(manager);
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/images/**", "/icons/**", "/favicon.ico", "/error").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/"));
        http.formLogin(form -> form
                .authenticationDetailsSource(ClientAddressDetails::of)
                .failureHandler(loginFailureHandler()));
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        http.addFilterAfter(new SessionLimitsFilter(sessionLimits), SecurityContextHolderFilter.class);
        http.headers(h -> h
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.sameOrigin())
                .addHeaderWriter(new ContentSecurityPolicy())
                // written before the request goes on: written at commit (the default), none of them reached Vaadin's
                // bootstrap page in the packaged portal (production mode), though they did in the tests (dev mode)
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        return http.build();
    }

    private static AuthenticationFailureHandler loginFailureHandler() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof LoginThrottledException ? "/login?throttled" : "/login?error"));
    }

    private static void json(HttpServletResponse response, int status, String error, String challenge)
            throws java.io.IOException {
        response.setStatus(status);
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + error + "\"}");
    }
}
