package org.revcycle.encounter.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth2 client credentials against a token endpoint on localhost: one token, reused until it is about to expire. */
class ClientCredentialsInterceptorTest {

  private HttpServer tokenEndpoint;
  private final AtomicInteger issued = new AtomicInteger();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    tokenEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tokenEndpoint.createContext("/token", exchange -> {
      requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = ("{\"access_token\":\"token-" + issued.incrementAndGet() + "\",\"token_type\":\"bearer\",\"expires_in\":300}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    tokenEndpoint.start();
  }

  @AfterEach
  void stop() {
    tokenEndpoint.stop(0);
  }

  @Test
  void aTokenIsFetchedOnceWithTheClientsSecretAndRenewedBeforeItExpires() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    ClientCredentialsInterceptor interceptor = new ClientCredentialsInterceptor(
        "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token", "revcycle", "s3cret", "system/*.read", clock);

    assertThat(interceptor.token()).isEqualTo("token-1");
    clock.advance(Duration.ofSeconds(200));
    assertThat(interceptor.token()).isEqualTo("token-1");
    // 300 s minus a 30 s margin: at 280 s a new one is fetched
    clock.advance(Duration.ofSeconds(81));
    assertThat(interceptor.token()).isEqualTo("token-2");

    assertThat(requests).hasSize(2).allSatisfy(r -> assertThat(r)
        .startsWith("Basic cmV2Y3ljbGU6czNjcmV0 ") // revcycle:s3cret
        .contains("grant_type=client_credentials", "scope=system"));
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
