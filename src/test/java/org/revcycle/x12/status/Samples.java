package org.revcycle.x12.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Opens sample files from src/test/resources/x12/samples and makes streams of test text. */
public final class Samples {

  private Samples() {}

  public static InputStream open(String path) {
    InputStream in = Samples.class.getClassLoader().getResourceAsStream("x12/samples/" + path);
    if (in == null) {
      throw new IllegalArgumentException("no sample " + path);
    }
    return in;
  }

  public static InputStream text(String x12) {
    return new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII));
  }
}
