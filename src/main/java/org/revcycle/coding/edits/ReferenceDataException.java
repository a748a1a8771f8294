package org.revcycle.coding.edits;

/** A reference file that cannot be loaded: names the file and the line, and nothing was loaded. */
public class ReferenceDataException extends RuntimeException {

  private final String file;
  private final long line;

  public ReferenceDataException(String file, long line, String problem) {
    super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }
}
