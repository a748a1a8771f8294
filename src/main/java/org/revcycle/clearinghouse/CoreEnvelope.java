package org.revcycle.clearinghouse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload.MultipartStream;
import org.apache.commons.fileupload.ParameterParser;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The envelope of CAQH CORE's connectivity rule (Phase II, MIME multipart/form-data): one form
 * field per envelope element, the X12 document in Payload. Requests carry no ErrorCode; responses
 * carry ErrorCode "Success" with the payload, or an error code and message and no payload.
 */
public record CoreEnvelope(
    String processingMode,
    String payloadType,
    String payloadVersion,
    String payloadId,
    String timeStamp,
    String senderId,
    String receiverId,
    String coreRuleVersion,
    String payload,
    String errorCode,
    String errorMessage) {

  public static final String REAL_TIME = "RealTime";
  public static final String PAYLOAD_VERSION = "005010";
  public static final String CORE_RULE_VERSION = "2.2.0";

  public static final String X12_270 = "X12_270_Request_005010X279A1";
  public static final String X12_271 = "X12_271_Response_005010X279A1";
  public static final String X12_276 = "X12_276_Request_005010X212";
  public static final String X12_277 = "X12_277_Response_005010X212";
  /** An X12 payload the receiver could not take: its 999 rides in the response instead. */
  public static final String X12_999 = "X12_999_Response_005010X231A1";

  public static final String SUCCESS = "Success";

  /** The form fields in the order the rule lists them. */
  static final List<String> FIELDS = List.of("ProcessingMode", "PayloadType", "PayloadVersion", "PayloadID",
      "TimeStamp", "SenderID", "ReceiverID", "CORERuleVersion", "Payload", "ErrorCode", "ErrorMessage");

  public boolean success() {
    return SUCCESS.equals(errorCode);
  }

  /** The answer to this request: the same PayloadID, sender and receiver swapped. */
  public CoreEnvelope answer(String type, String body, String timeStamp) {
    return new CoreEnvelope(REAL_TIME, type, PAYLOAD_VERSION, payloadId, timeStamp, receiverId, senderId,
        CORE_RULE_VERSION, body, SUCCESS, null);
  }

  /** An error answer: names what is wrong, carries no payload. */
  public static CoreEnvelope error(CoreEnvelope request, String errorCode, String message, String timeStamp) {
    return new CoreEnvelope(REAL_TIME, request == null ? null : responseType(request.payloadType()), PAYLOAD_VERSION,
        request == null ? null : request.payloadId(), timeStamp, request == null ? null : request.receiverId(),
        request == null ? null : request.senderId(), CORE_RULE_VERSION, null, errorCode, message);
  }

  /** The response type that answers a request type (270 -> 271, 276 -> 277), null for anything else. */
  public static String responseType(String requestType) {
    if (X12_270.equals(requestType)) {
      return X12_271;
    }
    if (X12_276.equals(requestType)) {
      return X12_277;
    }
    return null;
  }

  /** The form fields as Spring writes them (multipart/form-data); blank elements are left out. */
  public MultiValueMap<String, HttpEntity<String>> toForm() {
    MultiValueMap<String, HttpEntity<String>> form = new LinkedMultiValueMap<>();
    List<String> values = values();
    for (int i = 0; i < FIELDS.size(); i++) {
      if (values.get(i) != null && !values.get(i).isEmpty()) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
        form.add(FIELDS.get(i), new HttpEntity<>(values.get(i), headers));
      }
    }
    return form;
  }

  private List<String> values() {
    List<String> v = new ArrayList<>();
    v.add(processingMode);
    v.add(payloadType);
    v.add(payloadVersion);
    v.add(payloadId);
    v.add(timeStamp);
    v.add(senderId);
    v.add(receiverId);
    v.add(coreRuleVersion);
    v.add(payload);
    v.add(errorCode);
    v.add(errorMessage);
    return v;
  }

  /** The envelope from its form fields (unknown fields ignored, missing ones null). */
  public static CoreEnvelope of(Map<String, String> fields) {
    return new CoreEnvelope(fields.get("ProcessingMode"), fields.get("PayloadType"), fields.get("PayloadVersion"),
        fields.get("PayloadID"), fields.get("TimeStamp"), fields.get("SenderID"), fields.get("ReceiverID"),
        fields.get("CORERuleVersion"), fields.get("Payload"), fields.get("ErrorCode"), fields.get("ErrorMessage"));
  }

  /**
   * Reads a multipart/form-data body (with commons-fileupload's MultipartStream) into an
   * envelope. Throws {@link MalformedEnvelopeException} naming what is wrong.
   */
  public static CoreEnvelope parse(String contentType, byte[] body) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new MalformedEnvelopeException("the body is not multipart/form-data (Content-Type: " + contentType + ")");
    }
    ParameterParser parameters = new ParameterParser();
    parameters.setLowerCaseNames(true);
    String boundary = parameters.parse(contentType, new char[] {';', ','}).get("boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw new MalformedEnvelopeException("the multipart/form-data Content-Type names no boundary");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    try {
      MultipartStream stream = new MultipartStream(new ByteArrayInputStream(body),
          boundary.getBytes(StandardCharsets.ISO_8859_1), 8192, null);
      boolean more = stream.skipPreamble();
      while (more) {
        String name = partName(stream.readHeaders(), parameters);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        stream.readBodyData(data);
        if (name != null) {
          fields.put(name, data.toString(StandardCharsets.UTF_8));
        }
        more = stream.readBoundary();
      }
    } catch (IOException | RuntimeException e) {
      throw new MalformedEnvelopeException("the multipart/form-data body cannot be read: " + e.getMessage());
    }
    if (fields.isEmpty()) {
      throw new MalformedEnvelopeException("the multipart/form-data body has no fields");
    }
    return of(fields);
  }

  private static String partName(String headers, ParameterParser parameters) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
        return parameters.parse(line.substring(colon + 1), ';').get("name");
      }
    }
    return null;
  }

  /** The body is not a CORE envelope at all. */
  public static class MalformedEnvelopeException extends RuntimeException {
    public MalformedEnvelopeException(String message) {
      super(message);
    }
  }
}
