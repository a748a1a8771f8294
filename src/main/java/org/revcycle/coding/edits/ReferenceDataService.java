package org.revcycle.coding.edits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Loads the reference tables at start-up and holds their in-memory index. The files are the
 * samples shipped under src/main/resources/reference-data/, each kind replaced by the real files in
 * revcycle.edits.reference-data.directory when that directory has files of that kind (drop the
 * quarterly CMS files there). A load whose files are unchanged (same names and SHA-256) is read back
 * from the database instead of parsed again. A bad file stops the load with its name and line and
 * leaves the tables as they were.
 */
@Service
public class ReferenceDataService implements Supplier<ReferenceData> {

  private static final Logger log = LoggerFactory.getLogger(ReferenceDataService.class);
  static final String SAMPLES = "classpath*:reference-data/**/*.*";

  private final ReferenceDataStore store;
  private final Clock clock;
  private final String directory;
  private volatile ReferenceData current;

  public ReferenceDataService(ReferenceDataStore store, Clock clock,
      @Value("${revcycle.edits.reference-data.directory:}") String directory) {
    this.store = store;
    this.clock = clock;
    this.directory = directory;
  }

  @Override
  public ReferenceData get() {
    ReferenceData data = current;
    if (data == null) {
      synchronized (this) {
        if (current == null) {
          load();
        }
        data = current;
      }
    }
    return data;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(20)
  public void loadAtStartup() {
    get();
  }

  /** Reads the files, stores them if they changed, and swaps the new index in. */
  public synchronized void load() {
    List<ReferenceFiles.SourceFile> files = sources();
    ReferenceFiles.Parsed parsed;
    try {
      parsed = ReferenceFiles.parse(files);
    } catch (ReferenceDataException e) {
      Map<String, String> loaded = store.loadedFiles();
      if (loaded.isEmpty()) {
        throw e;
      }
      log.error("Reference data not loaded, the tables in force stay: {}", e.getMessage());
      if (current == null) {
        current = new ReferenceData(store.read());
      }
      return;
    }
    Map<String, String> loaded = store.loadedFiles();
    boolean unchanged = loaded.size() == parsed.files().size()
        && parsed.files().stream().allMatch(f -> f.sha256().equals(loaded.get(f.name())));
    if (unchanged) {
      current = new ReferenceData(store.read());
      log.info("Reference data unchanged: {} rows from {} files", current.tables().rows(), parsed.files().size());
      return;
    }
    store.replace(parsed, clock.instant());
    current = new ReferenceData(parsed.tables());
    log.info("Reference data loaded: {} rows from {}", parsed.tables().rows(),
        parsed.files().stream().map(f -> f.name() + " (" + f.rows() + ")").toList());
  }

  /** The shipped samples, each kind replaced by the configured directory's files of that kind. */
  List<ReferenceFiles.SourceFile> sources() {
    List<ReferenceFiles.SourceFile> configured = new ArrayList<>();
    if (directory != null && !directory.isBlank()) {
      Path dir = Path.of(directory);
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException("revcycle.edits.reference-data.directory: no such directory " + dir);
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
          if (ReferenceFiles.kindOf(p.getFileName().toString()) != null) {
            configured.add(new ReferenceFiles.SourceFile(p.getFileName().toString(), Files.readAllBytes(p)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Set<ReferenceFiles.Kind> replaced = EnumSet.noneOf(ReferenceFiles.Kind.class);
    configured.forEach(f -> replaced.add(ReferenceFiles.kindOf(f.name())));
    List<ReferenceFiles.SourceFile> files = new ArrayList<>();
    for (ReferenceFiles.SourceFile sample : samples()) {
      ReferenceFiles.Kind kind = ReferenceFiles.kindOf(sample.name());
      if (kind != null && !replaced.contains(kind)) {
        files.add(sample);
      }
    }
    files.addAll(configured);
    return files;
  }

  /** The sample files shipped on the classpath. */
  public static List<ReferenceFiles.SourceFile> samples() {
    try {
      List<ReferenceFiles.SourceFile> files = new ArrayList<>();
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources(SAMPLES);
      for (Resource r : resources) {
        if (r.isReadable() && r.getFilename() != null) {
          try (var in = r.getInputStream()) {
            files.add(new ReferenceFiles.SourceFile(r.getFilename(), in.readAllBytes()));
          }
        }
      }
      files.sort(java.util.Comparator.comparing(ReferenceFiles.SourceFile::name));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
