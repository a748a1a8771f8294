package org.revcycle.encounter.fhir;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * OAuth2 client credentials (as SMART Backend Services and most EHR vendors' system-to-system
 * apps use them, with a client secret): fetches a token, reuses it until shortly before it
 * expires, and sends it as a bearer token.
 */
final class ClientCredentialsInterceptor implements IClientInterceptor {

  private final RestClient tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final Clock clock;
  private String token;
  private Instant expiresAt = Instant.MIN;

  ClientCredentialsInterceptor(String tokenUrl, String clientId, String clientSecret, String scope, Clock clock) {
    this.tokenEndpoint = RestClient.create(tokenUrl);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.scope = scope;
    this.clock = clock;
  }

  @Override
  public void interceptRequest(IHttpRequest request) {
    request.addHeader("Authorization", "Bearer " + token());
  }

  @Override
  public void interceptResponse(IHttpResponse response) {
    if (response.getStatus() == 401) {
      synchronized (this) {
        expiresAt = Instant.MIN; // revoked or expired early: fetch a new one for the next request
      }
    }
  }

  synchronized String token() {
    if (token == null || clock.instant().isAfter(expiresAt)) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("grant_type", "client_credentials");
      if (scope != null && !scope.isBlank()) {
        form.add("scope", scope);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> answer = tokenEndpoint.post().contentType(MediaType.APPLICATION_FORM_URLENCODED)
          .headers(h -> h.setBasicAuth(clientId, clientSecret)).body(form).retrieve().body(Map.class);
      if (answer == null || !(answer.get("access_token") instanceof String accessToken)) {
        throw new IllegalStateException("The EHR's token endpoint answered without an access_token");
      }
      long seconds = answer.get("expires_in") instanceof Number n ? n.longValue() : 300;
      token = accessToken;
      expiresAt = clock.instant().plusSeconds(Math.max(0, seconds - 30));
    }
    return token;
  }
}
