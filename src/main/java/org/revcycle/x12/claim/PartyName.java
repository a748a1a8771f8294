package org.revcycle.x12.claim;

/**
 * A name as NM1 carries it: a person (NM102 = 1) with last, first, middle and suffix, or an
 * organization (NM102 = 2) whose name is in {@code lastOrOrganization}. Any part may be absent:
 * some loops (pay-to address, other payer's provider) send the entity type alone.
 */
public record PartyName(EntityType type, String lastOrOrganization, String first, String middle, String suffix) {

  public enum EntityType {
    PERSON("1"), ORGANIZATION("2");

    private final String code;

    EntityType(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    static EntityType of(String code) {
      return "1".equals(code) ? PERSON : "2".equals(code) ? ORGANIZATION : null;
    }
  }

  public static PartyName organization(String name) {
    return new PartyName(EntityType.ORGANIZATION, name, null, null, null);
  }

  public static PartyName person(String last, String first) {
    return new PartyName(EntityType.PERSON, last, first, null, null);
  }

  @Override
  public String toString() {
    // names are patient data when the party is a subscriber or patient: keep them out of logs
    return "PartyName[" + type + "]";
  }
}
