package org.revcycle.x12;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The StAEDI schemas of the sets revcycle speaks, one per implementation guide, loaded once from
 * {@code x12/005010/<name>.xml}. A set is picked by ST01 and, where one set id serves several
 * guides (837, 277), by the guide's version (ST03, else GS08).
 */
public final class X12Schemas {

  /** Implementation guide (ST03/GS08) to schema name, for set ids that serve more than one guide. */
  private static final Map<String, String> BY_GUIDE = Map.of(
      "005010X222A1", "837P",
      "005010X223A2", "837I",
      "005010X223A3", "837I",
      "005010X214", "277CA",
      "005010X212", "277");

  private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

  private X12Schemas() {}

  /** The schema by its name (835, 837P, 837I, 999, 997, 277CA, 277, 270, 271, 276). */
  public static Schema named(String name) {
    return LOADED.computeIfAbsent(name, X12Schemas::load);
  }

  /**
   * The schema for a transaction set as it arrives: ST01 and the guide version. Empty when revcycle
   * does not speak that set (a 278, say); the reader reports that as a problem, not a crash.
   */
  public static Optional<Schema> forTransaction(String setId, String guideVersion) {
    if (guideVersion != null && !guideVersion.startsWith("005010")) {
      // a 4010 set (004010X092A1, say) must not be judged by a 5010 schema
      return Optional.empty();
    }
    String name = guideVersion == null ? null : BY_GUIDE.get(guideVersion);
    if (name == null || !name.startsWith(setId)) {
      name = switch (setId) {
        case "835", "999", "997", "270", "271", "276" -> setId;
        case "837" -> "837P";
        case "277" -> "277";
        default -> null;
      };
    }
    if (name == null || X12Schemas.class.getClassLoader().getResource(location(name)) == null) {
      return Optional.empty();
    }
    return Optional.of(named(name));
  }

  private static Schema load(String name) {
    URL url = X12Schemas.class.getClassLoader().getResource(location(name));
    if (url == null) {
      throw new IllegalArgumentException("no X12 schema named " + name);
    }
    try {
      return SchemaFactory.newFactory().createSchema(url);
    } catch (EDISchemaException e) {
      throw new IllegalStateException("X12 schema " + name + " does not load: " + e.getMessage(), e);
    }
  }

  private static String location(String name) {
    return "x12/005010/" + name + ".xml";
  }
}
