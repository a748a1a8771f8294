package org.revcycle.platform.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and which roles do I hold: what a client needs to show the right screens. */
@RestController
public class CurrentUserController {

  @GetMapping("/api/me")
  public CurrentUser me(Authentication authentication) {
    List<String> roles =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .map(a -> a.replaceFirst("^ROLE_", ""))
            .sorted()
            .toList();
    return new CurrentUser(authentication.getName(), roles);
  }

  public record CurrentUser(String userId, List<String> roles) {}
}
