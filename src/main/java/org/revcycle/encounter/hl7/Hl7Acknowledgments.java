package org.revcycle.encounter.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.v251.message.ACK;
import ca.uhn.hl7v2.model.v251.segment.ERR;
import ca.uhn.hl7v2.model.v251.segment.MSA;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.Locale;
import java.util.UUID;

/**
 * ACKs (HL7v2.5.1 original mode): MSA-1 AA, AE or AR, MSA-2 the message's control id, MSA-3 the
 * reason in words, and for an error an ERR segment with where (ERR-2), the HL7 error code (ERR-3),
 * severity E and the reason again for people (ERR-8).
 */
final class Hl7Acknowledgments {

  /** What the ACK needs of the message it answers; any may be empty when the message was unreadable. */
  record Header(String sendingApplication, String sendingFacility, String receivingApplication,
      String receivingFacility, String trigger, String controlId, String processingId) {}

  // ACKs are built here, not received: no validation (it rejects an empty trigger event of an unreadable message)
  private final PipeParser parser = new DefaultHapiContext(ValidationContextFactory.noValidation()).getPipeParser();

  String accept(Header header, String note) {
    return encode(build(header, "AA", note, null));
  }

  /** AE (the message was read but its content is wrong) or AR (it could not be read or is not taken). */
  String error(Header header, String code, HL7Exception problem) {
    return encode(build(header, code, problem.getMessage(), problem));
  }

  private ACK build(Header h, String code, String text, HL7Exception problem) {
    try {
      ACK ack = new ACK();
      ack.setParser(parser);
      MSH msh = ack.getMSH();
      // the header set by hand, not by HAPI's quickstart, whose control id generator keeps a file in the working directory
      msh.getFieldSeparator().setValue("|");
      msh.getEncodingCharacters().setValue("^~\\&");
      msh.getDateTimeOfMessage().getTime().setValue(java.util.Calendar.getInstance());
      msh.getMessageType().getMessageCode().setValue("ACK");
      msh.getMessageType().getTriggerEvent().setValue(h.trigger());
      msh.getMessageType().getMessageStructure().setValue("ACK");
      msh.getMessageControlID().setValue(
          "RC" + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase(Locale.ROOT));
      msh.getProcessingID().getProcessingID().setValue(h.processingId() == null ? "P" : h.processingId());
      msh.getVersionID().getVersionID().setValue("2.5.1");
      msh.getSendingApplication().getNamespaceID().setValue("REVCYCLE");
      msh.getSendingFacility().getNamespaceID().setValue(h.receivingFacility());
      msh.getReceivingApplication().getNamespaceID().setValue(h.sendingApplication());
      msh.getReceivingFacility().getNamespaceID().setValue(h.sendingFacility());
      MSA msa = ack.getMSA();
      msa.getAcknowledgmentCode().setValue(code);
      msa.getMessageControlID().setValue(h.controlId() == null ? "" : h.controlId());
      msa.getTextMessage().setValue(truncate(text, 80));
      if (problem != null) {
        ERR err = ack.getERR();
        Location location = problem.getLocation();
        if (location != null && location.getSegmentName() != null) {
          err.getErrorLocation(0).getSegmentID().setValue(location.getSegmentName());
          err.getErrorLocation(0).getSegmentSequence().setValue(String.valueOf(Math.max(1, location.getSegmentRepetition())));
          if (location.getField() > 0) {
            err.getErrorLocation(0).getFieldPosition().setValue(String.valueOf(location.getField()));
          }
        }
        ErrorCode errorCode = problem.getError() == null ? ErrorCode.APPLICATION_INTERNAL_ERROR : problem.getError();
        err.getHL7ErrorCode().getIdentifier().setValue(String.valueOf(errorCode.getCode()));
        err.getHL7ErrorCode().getText().setValue(errorCode.getMessage());
        err.getHL7ErrorCode().getNameOfCodingSystem().setValue("HL70357");
        err.getSeverity().setValue("E");
        err.getUserMessage().setValue(text);
      }
      return ack;
    } catch (HL7Exception e) {
      throw new IllegalStateException("An ACK could not be built", e);
    }
  }

  private String encode(ACK ack) {
    try {
      return parser.encode(ack);
    } catch (HL7Exception e) {
      throw new IllegalStateException("An ACK could not be encoded", e);
    }
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
