package org.revcycle.x12;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the HL segments of a hierarchical set (270, 271, 276, 277, 277CA) as they are read: the
 * level code is one the guide has, the parent was seen before, and the level may sit under that
 * parent's level. StAEDI validates the segments of each HL loop but not the tree they form.
 */
public final class X12Hierarchy {

  private final Map<String, Set<String>> parentLevels;
  private final Map<String, String> levelById = new HashMap<>();

  /**
   * @param parentLevels for each level code, the level codes its parent may have; the empty
   *     string stands for "no parent" (the information source at the top)
   */
  public X12Hierarchy(Map<String, Set<String>> parentLevels) {
    this.parentLevels = parentLevels;
  }

  /** Reset at each ST: HL ids are unique within one set only. */
  public void reset() {
    levelById.clear();
  }

  /** Records an HL and adds a problem to {@code problems} when it does not fit the tree. */
  public void accept(Segment hl, List<X12Problem> problems) {
    String id = hl.text(1);
    String parent = hl.text(2);
    String level = hl.text(3);
    Set<String> allowedParents = parentLevels.get(level);
    if (allowedParents == null) {
      problems.add(new X12Problem("HL_LEVEL", hl.location(3), "level code '" + level + "' is not used in this set"));
    } else if (parent.isEmpty()) {
      if (!allowedParents.contains("")) {
        problems.add(new X12Problem("HL_PARENT", hl.location(2), "level " + level + " needs a parent level"));
      }
    } else if (!levelById.containsKey(parent)) {
      problems.add(new X12Problem("HL_PARENT", hl.location(2), "parent HL " + parent + " has not been seen"));
    } else if (!allowedParents.contains(levelById.get(parent))) {
      problems.add(new X12Problem("HL_PARENT", hl.location(2),
          "level " + level + " may not sit under level " + levelById.get(parent)));
    }
    if (levelById.put(id, level) != null) {
      problems.add(new X12Problem("HL_ID", hl.location(1), "HL id " + id + " is used twice"));
    }
  }

  /** The level code of an HL id seen in this set, or null. */
  public String levelOf(String id) {
    return levelById.get(id);
  }
}
