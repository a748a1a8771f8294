package org.revcycle.platform.security;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. Two authentication mechanisms, one identity store (Camunda's):
 * <ul>
 *   <li>/camunda/** (Tasklist, Cockpit, Admin) and /engine-rest/** are guarded by Camunda's own
 *       filters, so Camunda's authorizations apply to every engine call;
 *   <li>everything else (/api, actuator, OpenAPI) by Spring Security with HTTP basic, with role
 *       checks on the endpoints. Only /actuator/health is open.
 * </ul>
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain camundaSecurityFilterChain(HttpSecurity http) throws Exception {
    // Camunda's webapp filters authenticate, authorize and set CSRF and security headers here.
    // Path matchers, not MVC matchers: these paths belong to Camunda's servlets, not Spring MVC.
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return http.securityMatcher(new OrRequestMatcher(paths.matcher("/camunda/**"), paths.matcher("/engine-rest/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiSecurityFilterChain(
      HttpSecurity http, ProblemResponses problems, CamundaIdentityAuthenticationProvider identityProvider)
      throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    // the root only redirects to the webapps' login page
                    .requestMatchers(HttpMethod.GET, "/")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .authenticationProvider(identityProvider)
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        // stateless basic auth, no cookies: nothing for CSRF to protect
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  /** engine-rest has no authentication of its own: without this filter it would grant all. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilterRegistration() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }
}
