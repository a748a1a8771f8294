package org.revcycle.clearinghouse;

/**
 * The clearinghouse answered, but not with the document asked for: a CORE error envelope (its
 * ErrorCode and ErrorMessage), a 4xx, or a response that is not a readable CORE envelope. Sending
 * the same request again unchanged will not help; someone must look (an incident says so).
 */
public class ClearinghouseRefusalException extends RuntimeException {

  private final String errorCode;

  public ClearinghouseRefusalException(String errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  /** The CORE ErrorCode, or MalformedResponse / HTTP_nnn when the answer was no CORE envelope. */
  public String errorCode() {
    return errorCode;
  }
}
