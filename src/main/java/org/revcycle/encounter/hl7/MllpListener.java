package org.revcycle.encounter.hl7;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The HL7v2 listener: MLLP (each message framed by 0x0B ... 0x1C 0x0D) over TCP, one thread per
 * connection, each message answered with its ACK on the same connection before the next is read.
 * Off unless {@code revcycle.ehr.hl7.mllp.enabled}; port 0 picks a free port (tests).
 */
@Component
@ConditionalOnProperty(name = "revcycle.ehr.hl7.mllp.enabled", havingValue = "true")
public class MllpListener implements SmartLifecycle {

  static final int START_BLOCK = 0x0B;
  static final int END_BLOCK = 0x1C;
  static final int CARRIAGE_RETURN = 0x0D;
  private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

  private final Hl7Intake intake;
  private final int port;
  private final String bindAddress;
  private final Charset charset;
  private final Duration idleTimeout;
  private final int maxMessageBytes;
  private final ExecutorService connections;
  private volatile ServerSocket server;
  private Thread acceptor;

  public MllpListener(Hl7Intake intake,
      @Value("${revcycle.ehr.hl7.mllp.port:2575}") int port,
      @Value("${revcycle.ehr.hl7.mllp.bind-address:0.0.0.0}") String bindAddress,
      @Value("${revcycle.ehr.hl7.mllp.charset:UTF-8}") String charset,
      @Value("${revcycle.ehr.hl7.mllp.idle-timeout:PT5M}") Duration idleTimeout,
      @Value("${revcycle.ehr.hl7.mllp.max-connections:16}") int maxConnections,
      @Value("${revcycle.ehr.hl7.mllp.max-message-bytes:1048576}") int maxMessageBytes) {
    this.intake = intake;
    this.port = port;
    this.bindAddress = bindAddress;
    this.charset = Charset.forName(charset);
    this.idleTimeout = idleTimeout;
    this.maxMessageBytes = maxMessageBytes;
    this.connections = Executors.newFixedThreadPool(maxConnections, r -> {
      Thread t = new Thread(r, "mllp-connection");
      t.setDaemon(true);
      return t;
    });
  }

  /** The port listened on (the one chosen when configured as 0). */
  public int port() {
    return server.getLocalPort();
  }

  @Override
  public synchronized void start() {
    try {
      server = new ServerSocket(port, 50, InetAddress.getByName(bindAddress));
    } catch (IOException e) {
      throw new IllegalStateException("The HL7 MLLP listener cannot listen on port " + port, e);
    }
    acceptor = new Thread(this::accept, "mllp-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
    log.info("HL7v2 MLLP listener on port {}", server.getLocalPort());
  }

  @Override
  public synchronized void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException e) {
      log.debug("closing the MLLP listener", e);
    }
    connections.shutdownNow();
    try {
      connections.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return server != null && !server.isClosed();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.execute(() -> serve(socket));
      } catch (SocketException closed) {
        return;
      } catch (IOException | RuntimeException e) {
        log.warn("MLLP accept failed: {}", e.getMessage());
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout((int) idleTimeout.toMillis());
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      String message;
      while ((message = readFrame(in)) != null) {
        String ack = intake.receive(message);
        out.write(START_BLOCK);
        out.write(ack.getBytes(charset));
        out.write(END_BLOCK);
        out.write(CARRIAGE_RETURN);
        out.flush();
      }
    } catch (SocketTimeoutException idle) {
      log.debug("MLLP connection idle, closed");
    } catch (IOException | RuntimeException e) {
      log.warn("MLLP connection from {} ended: {}", socket.getInetAddress(), e.getMessage());
    }
  }

  /** The next framed message, or null when the peer closed the connection. Bytes outside a frame are skipped. */
  String readFrame(InputStream in) throws IOException {
    int b;
    do {
      b = in.read();
      if (b == -1) {
        return null;
      }
    } while (b != START_BLOCK);
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      b = in.read();
      if (b == -1) {
        throw new IOException("connection closed inside a message");
      }
      if (b == END_BLOCK) {
        int next = in.read();
        if (next != CARRIAGE_RETURN && next != -1) {
          log.debug("MLLP end block without carriage return");
        }
        return message.toString(charset);
      }
      if (message.size() >= maxMessageBytes) {
        throw new IOException("message longer than " + maxMessageBytes + " bytes");
      }
      message.write(b);
    }
  }
}
