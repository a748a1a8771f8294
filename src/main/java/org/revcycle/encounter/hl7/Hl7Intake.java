package org.revcycle.encounter.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.group.ADT_A03_INSURANCE;
import ca.uhn.hl7v2.model.v251.group.DFT_P03_FINANCIAL;
import ca.uhn.hl7v2.model.v251.group.DFT_P03_INSURANCE;
import ca.uhn.hl7v2.model.v251.message.ADT_A03;
import ca.uhn.hl7v2.model.v251.message.DFT_P03;
import ca.uhn.hl7v2.model.v251.segment.IN1;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.preparser.PreParser;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.revcycle.encounter.EhrEncounter;
import org.revcycle.encounter.EncounterInbox;
import org.revcycle.encounter.EncounterRepository;
import org.revcycle.encounter.FacilityDirectory;
import org.revcycle.platform.InboundMessages;
import org.revcycle.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HL7v2 intake: ADT^A03 (discharge) and DFT^P03 (charges). Every message is recorded as received
 * before it is parsed; the answer is always an ACK, never an exception:
 * <ul>
 *   <li>DFT^P03 with the visit's registration, diagnoses and charges starts the claim (AA), taking
 *       the discharge date and diagnoses of an ADT^A03 received before it where it has none;
 *   <li>ADT^A03 records the discharge; the claim starts with the visit's charges (AA);
 *   <li>the same message again (sender and MSH-10) is acknowledged (AA) and ignored;
 *   <li>a message whose content is wrong gets AE naming the field, one that cannot be read or is of
 *       another type gets AR; it is kept with the reason and starts nothing.
 * </ul>
 */
@Service
public class Hl7Intake {

  public static final String CHANNEL = "hl7/mllp";
  private static final Logger log = LoggerFactory.getLogger(Hl7Intake.class);

  private final EncounterInbox inbox;
  private final EncounterRepository encounters;
  private final InboundMessages inbound;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final PipeParser parser;
  private final Hl7Acknowledgments acks;
  private final Hl7EncounterMapper mapper;

  public Hl7Intake(EncounterInbox inbox, EncounterRepository encounters, InboundMessages inbound, JdbcClient jdbc,
      FacilityDirectory facilities, PlatformTransactionManager transactions, Clock clock) {
    this.inbox = inbox;
    this.encounters = encounters;
    this.inbound = inbound;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    HapiContext hapi = new DefaultHapiContext();
    // every version a sender uses is read into the 2.5.1 structures
    hapi.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
    this.parser = hapi.getPipeParser();
    this.acks = new Hl7Acknowledgments();
    this.mapper = new Hl7EncounterMapper(facilities);
  }

  /** One message as received (segments separated by CR); returns the ACK to send back. */
  public String receive(String raw) {
    UUID messageId = inbound.record(CHANNEL, null, raw, clock.instant());
    Hl7Acknowledgments.Header header = header(raw);
    Message message;
    try {
      message = parser.parse(raw);
    } catch (HL7Exception e) {
      return refuse(messageId, header, header.controlId() == null ? "AR" : "AE", e);
    }
    try {
      MSH msh = (MSH) message.get("MSH");
      header = header(msh);
      if (header.controlId() == null) {
        return refuse(messageId, header, "AR", Hl7EncounterMapper.error("the message control id is missing",
            "MSH", 1, 10, ErrorCode.REQUIRED_FIELD_MISSING));
      }
      String key = header.sendingApplication() + "|" + header.sendingFacility() + "|" + header.controlId();
      if (alreadyTaken(key)) {
        transaction.executeWithoutResult(s -> inbound.markTaken(messageId, true, "hl7:" + key));
        return acks.accept(header, "duplicate of message " + header.controlId() + ", already processed: ignored");
      }
      String note;
      if (message instanceof DFT_P03 dft) {
        note = charges(messageId, key, dft);
      } else if (message instanceof ADT_A03 adt) {
        note = discharge(messageId, key, adt);
      } else {
        String type = msh.getMessageType().getMessageCode().getValue() + "^" + msh.getMessageType().getTriggerEvent().getValue();
        return refuse(messageId, header, "AR", Hl7EncounterMapper.error("message type " + type
            + " is not taken: revcycle takes ADT^A03 and DFT^P03", "MSH", 1, 9, ErrorCode.UNSUPPORTED_MESSAGE_TYPE));
      }
      return acks.accept(header, note);
    } catch (HL7Exception e) {
      return refuse(messageId, header, "AE", e);
    } catch (InvalidInputException e) {
      // the encounter the message describes is not one intake takes (a code or amount out of format)
      HL7Exception problem = new HL7Exception(e.getMessage(), ErrorCode.DATA_TYPE_ERROR);
      return refuse(messageId, header, "AE", problem);
    }
  }

  private String charges(UUID messageId, String key, DFT_P03 dft) throws HL7Exception {
    String sourceSystem = sourceSystem(dft.getMSH());
    String visit = Hl7EncounterMapper.visitNumber(dft.getPV1());
    if (encounters.findEncounterId(sourceSystem, visit).isPresent()) {
      throw Hl7EncounterMapper.error("visit " + visit + " is already billed: charges after the claim need a corrected claim",
          "PV1", 1, 19, ErrorCode.DUPLICATE_KEY_IDENTIFIER);
    }
    List<IN1> insurance = new ArrayList<>();
    for (DFT_P03_INSURANCE group : dft.getINSURANCEAll()) {
      insurance.add(group.getIN1());
    }
    var diagnoses = dft.getDG1All();
    LocalDate discharge = null;
    Optional<ADT_A03> a03 = stagedDischarge(sourceSystem + "|" + visit);
    if (a03.isPresent()) {
      discharge = a03.get().getPV1().getDischargeDateTimeReps() > 0
          ? Hl7EncounterMapper.date(a03.get().getPV1().getDischargeDateTime(0), "PV1", 1, 45) : null;
      if (diagnoses.isEmpty()) {
        diagnoses = a03.get().getDG1All();
      }
      if (insurance.isEmpty()) {
        for (ADT_A03_INSURANCE group : a03.get().getINSURANCEAll()) {
          insurance.add(group.getIN1());
        }
      }
    }
    List<ca.uhn.hl7v2.model.v251.segment.FT1> ft1s = new ArrayList<>();
    for (DFT_P03_FINANCIAL financial : dft.getFINANCIALAll()) {
      ft1s.add(financial.getFT1());
    }
    List<IN1> present = new ArrayList<>();
    for (IN1 in1 : insurance) {
      if (!in1.isEmpty()) {
        present.add(in1);
      }
    }
    Hl7EncounterMapper.Mapped mapped = mapper.map(new Hl7EncounterMapper.Visit(sourceSystem, dft.getPID(), dft.getPV1(),
        present, diagnoses, ft1s, discharge));
    EncounterInbox.Accepted accepted = inbox.receiveRecorded(messageId,
        new EhrEncounter("hl7:" + key, null, mapped.encounter(), mapped.findings()));
    remember(key, messageId, "DFT^P03");
    return "claim " + accepted.patientControlNumber() + " started for visit " + visit;
  }

  private String discharge(UUID messageId, String key, ADT_A03 adt) throws HL7Exception {
    String sourceSystem = sourceSystem(adt.getMSH());
    String visit = Hl7EncounterMapper.visitNumber(adt.getPV1());
    String note;
    if (encounters.findEncounterId(sourceSystem, visit).isPresent()) {
      note = "discharge of visit " + visit + " recorded; its claim had already started";
    } else {
      String visitKey = sourceSystem + "|" + visit;
      transaction.executeWithoutResult(s -> {
        jdbc.sql("delete from hl7_discharge where visit_key = ?").param(visitKey).update();
        jdbc.sql("insert into hl7_discharge (visit_key, inbound_message_id, received_at) values (?, ?, ?)")
            .params(visitKey, messageId, Timestamp.from(clock.instant())).update();
      });
      note = "discharge of visit " + visit + " recorded; the claim starts with its charges (DFT^P03)";
    }
    transaction.executeWithoutResult(s -> inbound.markTaken(messageId, false, "hl7:" + key));
    remember(key, messageId, "ADT^A03");
    return note;
  }

  private Optional<ADT_A03> stagedDischarge(String visitKey) {
    return jdbc.sql("""
        select m.payload from hl7_discharge d join inbound_message m on m.id = d.inbound_message_id
        where d.visit_key = ?""").param(visitKey).query(String.class).optional().flatMap(payload -> {
          try {
            return Optional.of((ADT_A03) parser.parse(payload));
          } catch (HL7Exception | ClassCastException e) {
            return Optional.empty();
          }
        });
  }

  private boolean alreadyTaken(String key) {
    return jdbc.sql("select count(*) from hl7_message where message_key = ?").param(key).query(Integer.class).single() > 0;
  }

  private void remember(String key, UUID messageId, String type) {
    try {
      jdbc.sql("insert into hl7_message (message_key, inbound_message_id, message_type, received_at) values (?, ?, ?, ?)")
          .params(key, messageId, type, Timestamp.from(clock.instant())).update();
    } catch (DuplicateKeyException concurrentCopy) {
      // the same message arrived twice at once: both were answered AA, intake took the encounter once
    }
  }

  private String refuse(UUID messageId, Hl7Acknowledgments.Header header, String code, HL7Exception problem) {
    inbound.markRefused(messageId, code + ": " + problem.getMessage());
    log.warn("HL7 message {} from {} refused ({}): {}", header.controlId(), header.sendingApplication(), code,
        problem.getLocation());
    return acks.error(header, code, problem);
  }

  private static String sourceSystem(MSH msh) {
    String app = msh.getSendingApplication().getNamespaceID().getValue();
    String source = "hl7/" + (app == null ? "unknown" : app);
    return source.length() <= 64 ? source : source.substring(0, 64);
  }

  private static Hl7Acknowledgments.Header header(MSH msh) {
    return new Hl7Acknowledgments.Header(msh.getSendingApplication().getNamespaceID().getValue(),
        msh.getSendingFacility().getNamespaceID().getValue(), msh.getReceivingApplication().getNamespaceID().getValue(),
        msh.getReceivingFacility().getNamespaceID().getValue(), msh.getMessageType().getTriggerEvent().getValue(),
        blankToNull(msh.getMessageControlID().getValue()), msh.getProcessingID().getProcessingID().getValue());
  }

  /** MSH fields read without parsing the message, for the ACK of one that cannot be parsed. */
  private static Hl7Acknowledgments.Header header(String raw) {
    try {
      String[] f = PreParser.getFields(raw, "MSH-3", "MSH-4", "MSH-5", "MSH-6", "MSH-9-2", "MSH-10", "MSH-11");
      return new Hl7Acknowledgments.Header(f[0], f[1], f[2], f[3], f[4], blankToNull(f[5]), f[6]);
    } catch (HL7Exception | RuntimeException e) {
      return new Hl7Acknowledgments.Header(null, null, null, null, null, null, null);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
