package org.revcycle.platform.web;

import java.util.stream.Collectors;
import org.revcycle.platform.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started revcycle where to go and how to log in. Passwords are never printed. */
@Component
public class StartupGuide {

  private static final Logger log = LoggerFactory.getLogger(StartupGuide.class);

  private final Environment environment;
  private final IdentityProperties identity;

  public StartupGuide(Environment environment, IdentityProperties identity) {
    this.environment = environment;
    this.identity = identity;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void printGuide() {
    String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
    String users =
        identity.users().stream()
            .map(u -> u.id() + " (" + String.join(", ", u.groups()) + ")")
            .collect(Collectors.joining(", "));
    log.info(
        """

        ==================================================================
         revcycle is running
           Tasklist, Cockpit, Admin  {}/camunda/app/
           revcycle API              {}/api  (OpenAPI: {}/swagger-ui.html)
           Engine REST API           {}/engine-rest
           Health                    {}/actuator/health
         Log in as: {}
         (demo passwords are listed in the README; every endpoint but health needs a login)
        ==================================================================""",
        base, base, base, base, base, users.isEmpty() ? "a user configured under revcycle.identity.users" : users);
  }
}
