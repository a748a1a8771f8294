package org.revcycle.platform.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users created on first start. Passwords come from configuration: demo values in the default
 * profile only, the environment everywhere else (REVCYCLE_IDENTITY_USERS_0_PASSWORD, ...).
 */
@ConfigurationProperties("revcycle.identity")
public record IdentityProperties(List<SeedUser> users) {

  public IdentityProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  public record SeedUser(
      String id, String firstName, String lastName, String email, String password, List<String> groups) {

    public SeedUser {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }
}
