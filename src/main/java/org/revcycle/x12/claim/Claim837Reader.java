package org.revcycle.x12.claim;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.revcycle.x12.Segment;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12Location;
import org.revcycle.x12.X12Problem;
import org.revcycle.x12.X12SegmentReader;

/**
 * Streams 837P and 837I files into {@link Claim837} records, one claim at a time: a claim is handed
 * to the listener when the segment after it (CLM, HL or SE) is read, so memory holds one claim and
 * its parties whatever the size of the file. Several interchanges, groups and sets in a file work.
 *
 * <p>The schema (via {@link X12SegmentReader}) checks segments, elements, codes and loop order. The
 * 837 schemas keep the guide's levels as one standard loop each, so this reader checks what tells
 * them apart: HL numbering and parents, the level codes, and the loops a level must have exactly
 * once (2010AA billing provider, 2010BA subscriber, 2010BB payer), plus HI on every claim. Each
 * such problem names its segment and position like a schema problem. Syntax that cannot be read
 * at all throws {@link X12Exception}.
 */
public final class Claim837Reader {

  private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  private Claim837Reader() {}

  public static Claim837ReadResult read(InputStream in, Claim837Listener listener) {
    try (X12SegmentReader segments = X12SegmentReader.open(in)) {
      return new Run(segments, listener).read();
    }
  }

  /** Where in the 837 structure the last segment put us; decides what N3, REF, DTP... belong to. */
  private enum Loop {
    OUTSIDE, HEADER, SUBMITTER, RECEIVER,
    BILLING_LEVEL, BILLING_PROVIDER, PAY_TO, PAY_TO_PLAN,
    SUBSCRIBER_LEVEL, SUBSCRIBER, PAYER,
    PATIENT_LEVEL, PATIENT,
    CLAIM, CLAIM_PROVIDER, OTHER_SUBSCRIBER, OTHER_SUBSCRIBER_NAME, OTHER_PAYER, OTHER_PAYER_PROVIDER,
    LINE, DRUG, LINE_PROVIDER, LINE_ADJUDICATION, LINE_FORM
  }

  private static final class Run {
    private final X12SegmentReader segments;
    private final Claim837Listener listener;
    private final List<X12Problem> problems = new ArrayList<>();
    private int schemaProblemsSeen;
    private int sets;
    private int claims;

    private Loop loop = Loop.OUTSIDE;
    private ClaimType type;
    private HeaderDraft header;
    private ClaimBatchHeader builtHeader;
    private Level billing;
    private Level subscriberLevel;
    private Level patientLevel;
    private int lastHl;
    private Level lastLevel;
    private BillingDraft billingDraft;
    private BillingProvider billingProvider;
    private SubscriberDraft subscriberDraft;
    private PatientDraft patientDraft;
    private ClaimDraft claim;
    private ProviderDraft provider;
    private OtherDraft other;
    private LineDraft line;
    private AdjudicationDraft adjudication;

    Run(X12SegmentReader segments, Claim837Listener listener) {
      this.segments = segments;
      this.listener = listener;
    }

    Claim837ReadResult read() {
      Segment segment;
      while ((segment = segments.next()) != null) {
        try {
          take(segment);
        } catch (X12Exception e) {
          // a value the schema already flagged (a malformed date or amount): keep reading
          problems.addAll(e.problems());
        }
        drainSchemaProblems();
      }
      drainSchemaProblems();
      return new Claim837ReadResult(sets, claims, problems);
    }

    private void drainSchemaProblems() {
      List<X12Problem> found = segments.problems();
      while (schemaProblemsSeen < found.size()) {
        problems.add(found.get(schemaProblemsSeen++));
      }
    }

    private void take(Segment s) {
      switch (s.tag()) {
        case "ISA", "IEA", "GS", "GE" -> { }
        case "ST" -> startSet(s);
        case "SE" -> endSet();
        default -> {
          if (type != null) {
            inSet(s);
          }
        }
      }
    }

    private void startSet(Segment st) {
      type = ClaimType.forGuide(segments.guideVersion());
      if (type == null || !"837".equals(st.text(1))) {
        // not an 837: the segment reader has named it; its segments are not ours to map
        type = null;
        return;
      }
      sets++;
      header = new HeaderDraft();
      builtHeader = null;
      billing = subscriberLevel = patientLevel = lastLevel = null;
      lastHl = 0;
      billingDraft = null;
      billingProvider = null;
      subscriberDraft = null;
      patientDraft = null;
      loop = Loop.HEADER;
    }

    private void endSet() {
      if (type == null) {
        return;
      }
      finishClaim();
      closeLevel(null);
      type = null;
      loop = Loop.OUTSIDE;
    }

    private void inSet(Segment s) {
      switch (s.tag()) {
        case "BHT" -> {
          header.referenceId = s.optional(3);
          header.createdOn = s.date(4);
          header.createdAt = time(s, 5);
          header.transactionType = s.optional(6);
        }
        case "HL" -> level(s);
        case "NM1" -> name(s);
        case "N3" -> street(s);
        case "N4" -> city(s);
        case "PER" -> contact(s);
        case "REF" -> reference(s);
        case "PRV" -> taxonomy(s);
        case "SBR" -> sbr(s);
        case "PAT" -> {
          if (loop == Loop.PATIENT_LEVEL && patientDraft != null) {
            patientDraft.relationship = s.optional(1);
          }
        }
        case "DMG" -> demographics(s);
        case "CLM" -> startClaim(s);
        case "DTP" -> date(s);
        case "CL1" -> {
          if (claim != null) {
            claim.admissionType = s.optional(1);
            claim.admissionSource = s.optional(2);
            claim.patientStatus = s.optional(3);
          }
        }
        case "HI" -> healthCareCodes(s);
        case "CAS" -> adjustments(s);
        case "AMT" -> amount(s);
        case "OI" -> {
          if (other != null) {
            other.benefitsAssigned = s.optional(3);
            other.signatureSource = s.optional(4);
            other.release = s.optional(6);
          }
        }
        case "LX" -> startLine(s);
        case "SV1" -> professionalService(s);
        case "SV2" -> institutionalService(s);
        case "LIN" -> {
          if (line != null) {
            line.ndc = s.optional(3);
            loop = Loop.DRUG;
          }
        }
        case "CTP" -> {
          if (line != null && loop == Loop.DRUG) {
            line.drugQuantity = s.decimal(4);
            line.drugUnit = s.optional(5, 1);
          }
        }
        case "SVD" -> startAdjudication(s);
        case "LQ" -> loop = line != null ? Loop.LINE_FORM : loop;
        default -> {
          // segments revcycle does not map (CR1, CRC, PWK, NTE, HCP, FRM ...): the schema checked them
        }
      }
    }

    // ---- hierarchical levels ----

    private void level(Segment hl) {
      finishClaim();
      String id = hl.text(1);
      String parent = hl.optional(2);
      String code = hl.text(3);
      int number = parseInt(id);
      if (number != lastHl + 1) {
        problem("HL_NUMBER", hl, 1, "HL01 " + id + " is not the next level number (" + (lastHl + 1) + ")");
      }
      lastHl = Math.max(lastHl, number);
      if (lastLevel != null && lastLevel.hasChildren && !id.isEmpty() && !lastLevel.id.equals(parent)) {
        problem("HL_CHILD_CODE", lastLevel.segment, 4, "HL04 says level " + lastLevel.id + " has children, but none follows it");
      }
      switch (code) {
        case "20" -> {
          closeLevel(null);
          if (parent != null) {
            problem("HL_PARENT", hl, 2, "a billing provider level (HL03 20) has no parent");
          }
          billing = new Level(id, hl);
          billingDraft = new BillingDraft();
          billingProvider = null;
          loop = Loop.BILLING_LEVEL;
        }
        case "22" -> {
          closeLevel(billing);
          if (billing == null || !billing.id.equals(parent)) {
            problem("HL_PARENT", hl, 2, "a subscriber level (HL03 22) must name its billing provider level"
                + (billing == null ? "" : " " + billing.id) + " as parent");
          }
          subscriberLevel = new Level(id, hl);
          subscriberDraft = new SubscriberDraft();
          patientDraft = null;
          loop = Loop.SUBSCRIBER_LEVEL;
        }
        case "23" -> {
          closeLevel(subscriberLevel);
          if (subscriberLevel == null || !subscriberLevel.id.equals(parent)) {
            problem("HL_PARENT", hl, 2, "a patient level (HL03 23) must name its subscriber level"
                + (subscriberLevel == null ? "" : " " + subscriberLevel.id) + " as parent");
          }
          patientLevel = new Level(id, hl);
          patientDraft = new PatientDraft();
          loop = Loop.PATIENT_LEVEL;
        }
        default -> {
          problem("HL_LEVEL_CODE", hl, 3, "HL03 " + code + " is not a level of an 837 (20, 22 or 23)");
          loop = Loop.OUTSIDE;
        }
      }
      Level current = code.equals("20") ? billing : code.equals("22") ? subscriberLevel : code.equals("23") ? patientLevel : null;
      if (current != null) {
        current.hasChildren = "1".equals(hl.optional(4));
        lastLevel = current;
      }
    }

    /** Checks the levels that end before a new one under {@code keep} starts (null: all of them). */
    private void closeLevel(Level keep) {
      if (patientLevel != null) {
        if (patientDraft != null && !patientDraft.named) {
          problem("MISSING_LOOP", patientLevel.segment, 0, "patient level " + patientLevel.id + " has no patient name (loop 2010CA, NM1*QC)");
        }
        patientLevel = null;
      }
      if (keep != null && keep == subscriberLevel) {
        return;
      }
      if (subscriberLevel != null) {
        if (!subscriberDraft.named) {
          problem("MISSING_LOOP", subscriberLevel.segment, 0, "subscriber level " + subscriberLevel.id + " has no subscriber name (loop 2010BA, NM1*IL)");
        }
        if (!subscriberDraft.payerNamed) {
          problem("MISSING_LOOP", subscriberLevel.segment, 0, "subscriber level " + subscriberLevel.id + " has no payer name (loop 2010BB, NM1*PR)");
        }
        subscriberLevel = null;
      }
      if (keep != null && keep == billing) {
        return;
      }
      if (billing != null) {
        checkBillingProvider();
        billing = null;
      }
    }

    private void checkBillingProvider() {
      if (billing != null && !billing.checked) {
        billing.checked = true;
        if (!billingDraft.named) {
          problem("MISSING_LOOP", billing.segment, 0, "billing provider level " + billing.id + " has no billing provider name (loop 2010AA, NM1*85)");
        } else if (billingDraft.address.line1 == null || !billingDraft.address.present) {
          problem("MISSING_SEGMENT", billingDraft.nameSegment, 0, "the billing provider (loop 2010AA) has no address (N3 and N4), which the guide requires");
        }
      }
    }

    private BillingProvider billingProvider() {
      if (billingProvider == null && billingDraft != null) {
        billingProvider = billingDraft.build();
      }
      return billingProvider;
    }

    // ---- names and their loops ----

    private void name(Segment nm1) {
      String entity = nm1.text(1);
      PartyName name = new PartyName(PartyName.EntityType.of(nm1.text(2)), nm1.optional(3), nm1.optional(4),
          nm1.optional(5), nm1.optional(7));
      String id = nm1.optional(9);
      switch (loop) {
        case HEADER, SUBMITTER, RECEIVER -> {
          if (entity.equals("41")) {
            header.submitterName = name;
            header.submitterId = id;
            loop = Loop.SUBMITTER;
          } else if (entity.equals("40")) {
            header.receiverName = name.lastOrOrganization();
            header.receiverId = id;
            loop = Loop.RECEIVER;
          } else {
            unexpected(nm1, "the submitter and receiver names (1000A NM1*41, 1000B NM1*40)");
          }
        }
        case BILLING_LEVEL, BILLING_PROVIDER, PAY_TO, PAY_TO_PLAN -> {
          switch (entity) {
            case "85" -> {
              if (billingDraft.named) {
                problem("LOOP_REPEATS", nm1, 0, "loop 2010AA (billing provider) occurs more than once in level " + billing.id);
              }
              billingDraft.named = true;
              billingDraft.nameSegment = nm1;
              billingDraft.name = name;
              billingDraft.npi = id;
              loop = Loop.BILLING_PROVIDER;
            }
            case "87" -> loop = Loop.PAY_TO;
            case "PE" -> loop = Loop.PAY_TO_PLAN;
            default -> unexpected(nm1, "the billing provider level (NM1*85, *87, *PE)");
          }
        }
        case SUBSCRIBER_LEVEL, SUBSCRIBER, PAYER -> {
          if (entity.equals("IL")) {
            if (subscriberDraft.named) {
              problem("LOOP_REPEATS", nm1, 0, "loop 2010BA (subscriber) occurs more than once in level " + subscriberLevel.id);
            }
            subscriberDraft.named = true;
            subscriberDraft.name = name;
            subscriberDraft.memberId = id;
            loop = Loop.SUBSCRIBER;
          } else if (entity.equals("PR")) {
            if (subscriberDraft.payerNamed) {
              problem("LOOP_REPEATS", nm1, 0, "loop 2010BB (payer) occurs more than once in level " + subscriberLevel.id);
            }
            subscriberDraft.payerNamed = true;
            subscriberDraft.payerName = name.lastOrOrganization();
            subscriberDraft.payerId = id;
            loop = Loop.PAYER;
          } else {
            unexpected(nm1, "the subscriber level (NM1*IL, NM1*PR)");
          }
        }
        case PATIENT_LEVEL, PATIENT -> {
          if (entity.equals("QC") && patientDraft != null) {
            patientDraft.named = true;
            patientDraft.name = name;
            loop = Loop.PATIENT;
          } else {
            unexpected(nm1, "the patient level (NM1*QC)");
          }
        }
        case CLAIM, CLAIM_PROVIDER -> {
          provider = new ProviderDraft(entity, name, id);
          claim.providers.add(provider);
          loop = Loop.CLAIM_PROVIDER;
        }
        case OTHER_SUBSCRIBER, OTHER_SUBSCRIBER_NAME, OTHER_PAYER, OTHER_PAYER_PROVIDER -> {
          if (entity.equals("IL")) {
            other.subscriberName = name;
            other.subscriberId = id;
            loop = Loop.OTHER_SUBSCRIBER_NAME;
          } else if (entity.equals("PR")) {
            other.payerName = name.lastOrOrganization();
            other.payerId = id;
            loop = Loop.OTHER_PAYER;
          } else {
            // 2330C-I: the other payer's own ids for our providers; not mapped
            loop = Loop.OTHER_PAYER_PROVIDER;
          }
        }
        case LINE, DRUG, LINE_PROVIDER, LINE_ADJUDICATION, LINE_FORM -> {
          provider = new ProviderDraft(entity, name, id);
          line.providers.add(provider);
          loop = Loop.LINE_PROVIDER;
        }
        default -> unexpected(nm1, "an 837 level");
      }
    }

    private void street(Segment n3) {
      AddressDraft address = currentAddress();
      if (address != null) {
        address.line1 = n3.optional(1);
        address.line2 = n3.optional(2);
      }
    }

    private void city(Segment n4) {
      AddressDraft address = currentAddress();
      if (address != null) {
        address.present = true;
        address.city = n4.optional(1);
        address.state = n4.optional(2);
        address.postalCode = n4.optional(3);
      }
    }

    private AddressDraft currentAddress() {
      return switch (loop) {
        case BILLING_PROVIDER -> billingDraft.address;
        case PAY_TO -> billingDraft.payTo;
        case SUBSCRIBER -> subscriberDraft.address;
        case PAYER -> subscriberDraft.payerAddress;
        case PATIENT -> patientDraft.address;
        case CLAIM_PROVIDER, LINE_PROVIDER -> provider.address;
        case OTHER_SUBSCRIBER_NAME -> other.subscriberAddress;
        case OTHER_PAYER -> other.payerAddress;
        default -> null;
      };
    }

    private void contact(Segment per) {
      String phone = null;
      String extension = null;
      String email = null;
      for (int i = 3; i <= 7; i += 2) {
        switch (per.text(i)) {
          case "TE" -> phone = per.optional(i + 1);
          case "EX" -> extension = per.optional(i + 1);
          case "EM" -> email = per.optional(i + 1);
          default -> { }
        }
      }
      Contact contact = new Contact(per.optional(2), phone, extension, email);
      if (loop == Loop.SUBMITTER && header.contact == null) {
        header.contact = contact;
      } else if (loop == Loop.BILLING_PROVIDER && billingDraft.contact == null) {
        billingDraft.contact = contact;
      }
    }

    private void reference(Segment ref) {
      String qualifier = ref.text(1);
      String value = ref.optional(2);
      switch (loop) {
        case BILLING_PROVIDER -> {
          if (qualifier.equals("EI") || qualifier.equals("SY")) {
            if (billingDraft.taxId != null) {
              problem("SEGMENT_REPEATS", ref, 0, "the billing provider's tax id (REF*EI or REF*SY) occurs more than once");
            }
            billingDraft.taxId = value;
          }
        }
        case CLAIM -> {
          switch (qualifier) {
            case "G1" -> claim.priorAuthorization = value;
            case "F8" -> claim.payerClaimControlNumber = value;
            case "EA" -> claim.medicalRecordNumber = value;
            default -> { }
          }
        }
        case CLAIM_PROVIDER, LINE_PROVIDER -> provider.references.add(new ReferenceId(qualifier, value));
        case OTHER_PAYER -> {
          if (qualifier.equals("F8")) {
            other.payerClaimControlNumber = value;
          }
        }
        case LINE -> {
          if (qualifier.equals("6R")) {
            line.controlNumber = value;
          }
        }
        default -> { }
      }
    }

    private void taxonomy(Segment prv) {
      if (loop == Loop.BILLING_LEVEL) {
        billingDraft.taxonomy = prv.optional(3);
      } else if (loop == Loop.CLAIM_PROVIDER || loop == Loop.LINE_PROVIDER) {
        provider.taxonomy = prv.optional(3);
      }
    }

    private void sbr(Segment sbr) {
      if (loop == Loop.SUBSCRIBER_LEVEL) {
        subscriberDraft.responsibility = sbr.optional(1);
        subscriberDraft.relationship = sbr.optional(2);
        subscriberDraft.groupNumber = sbr.optional(3);
        subscriberDraft.groupName = sbr.optional(4);
        subscriberDraft.filing = sbr.optional(9);
      } else if (claim != null && line == null) {
        other = new OtherDraft();
        other.responsibility = sbr.optional(1);
        other.relationship = sbr.optional(2);
        other.groupNumber = sbr.optional(3);
        other.groupName = sbr.optional(4);
        other.filing = sbr.optional(9);
        claim.others.add(other);
        loop = Loop.OTHER_SUBSCRIBER;
      } else {
        unexpected(sbr, "a subscriber level (2000B) or a claim (2320)");
      }
    }

    private void demographics(Segment dmg) {
      LocalDate birthDate = "D8".equals(dmg.text(1)) ? dmg.date(2) : null;
      String sex = dmg.optional(3);
      if (loop == Loop.SUBSCRIBER) {
        subscriberDraft.birthDate = birthDate;
        subscriberDraft.sex = sex;
      } else if (loop == Loop.PATIENT) {
        patientDraft.birthDate = birthDate;
        patientDraft.sex = sex;
      }
    }

    // ---- claim ----

    private void startClaim(Segment clm) {
      finishClaim();
      if (subscriberLevel == null) {
        problem("CLAIM_OUTSIDE_LEVEL", clm, 0, "CLM appears outside a subscriber or patient level");
      }
      if (billing != null) {
        checkBillingProvider();
      }
      claim = new ClaimDraft(clm);
      claim.billingProvider = billingProvider();
      claim.subscriber = subscriberDraft == null ? null : subscriberDraft.subscriber();
      claim.payer = subscriberDraft == null ? null : subscriberDraft.payer();
      claim.patient = patientLevel == null || patientDraft == null ? null : patientDraft.build();
      claim.patientControlNumber = clm.optional(1);
      claim.totalCharge = money(clm.decimal(2));
      claim.facilityCode = clm.optional(5, 1);
      claim.frequencyCode = clm.optional(5, 3);
      claim.signature = clm.optional(6);
      claim.assignment = clm.optional(7);
      claim.benefits = clm.optional(8);
      claim.release = clm.optional(9);
      loop = Loop.CLAIM;
    }

    private void finishClaim() {
      finishLine();
      if (claim == null) {
        return;
      }
      if (!claim.hasHi) {
        problem("MISSING_SEGMENT", claim.clm, 0, "claim has no diagnosis (HI), which the guide requires");
      }
      if (builtHeader == null) {
        builtHeader = header.build(type);
      }
      Claim837 built = claim.build();
      claim = null;
      other = null;
      provider = null;
      claims++;
      listener.claim(builtHeader, built);
    }

    private void date(Segment dtp) {
      String qualifier = dtp.text(1);
      switch (loop) {
        case CLAIM -> {
          switch (qualifier) {
            case "434" -> claim.statementPeriod = period(dtp);
            case "435" -> {
              String value = dtp.text(3);
              claim.admissionDate = date(dtp, value.length() >= 8 ? value.substring(0, 8) : value);
              claim.admissionTime = "DT".equals(dtp.text(2)) && value.length() == 12 ? time(dtp, value.substring(8)) : null;
            }
            case "096" -> claim.dischargeTime = time(dtp, dtp.text(3));
            default -> { }
          }
        }
        case OTHER_PAYER -> {
          if (qualifier.equals("573")) {
            other.adjudicationDate = date(dtp, dtp.text(3));
          }
        }
        case LINE -> {
          if (qualifier.equals("472")) {
            line.serviceDate = period(dtp);
          }
        }
        case LINE_ADJUDICATION -> {
          if (qualifier.equals("573")) {
            adjudication.date = date(dtp, dtp.text(3));
          }
        }
        default -> { }
      }
    }

    private void healthCareCodes(Segment hi) {
      if (claim == null || loop != Loop.CLAIM) {
        return;
      }
      claim.hasHi = true;
      for (int i = 1; i <= hi.size(); i++) {
        String[] c = hi.components(i);
        if (c.length == 0) {
          continue;
        }
        claim.codes.add(new HealthCareCode(part(c, 0), part(c, 1), part(c, 2), part(c, 3), decimal(hi, i, part(c, 4))));
      }
    }

    private void adjustments(Segment cas) {
      List<Adjustment> target = loop == Loop.OTHER_SUBSCRIBER ? other.adjustments
          : loop == Loop.LINE_ADJUDICATION ? adjudication.adjustments : null;
      if (target == null) {
        return;
      }
      String group = cas.text(1);
      for (int i = 2; i <= 17; i += 3) {
        if (cas.has(i) || cas.has(i + 1)) {
          target.add(new Adjustment(group, cas.optional(i), money(cas.decimal(i + 1)), cas.decimal(i + 2)));
        }
      }
    }

    private void amount(Segment amt) {
      String qualifier = amt.text(1);
      if (loop == Loop.OTHER_SUBSCRIBER) {
        switch (qualifier) {
          case "D" -> other.paid = money(amt.decimal(2));
          case "A8" -> other.nonCovered = money(amt.decimal(2));
          case "EAF" -> other.remaining = money(amt.decimal(2));
          default -> { }
        }
      } else if (loop == Loop.LINE_ADJUDICATION && qualifier.equals("EAF")) {
        adjudication.remaining = money(amt.decimal(2));
      }
    }

    // ---- lines ----

    private void startLine(Segment lx) {
      finishLine();
      if (claim == null) {
        unexpected(lx, "a claim");
        return;
      }
      line = new LineDraft();
      line.number = parseInt(lx.text(1));
      loop = Loop.LINE;
    }

    private void finishLine() {
      if (line != null && claim != null) {
        claim.lines.add(line.build());
      }
      line = null;
      adjudication = null;
    }

    private void professionalService(Segment sv1) {
      if (line == null) {
        return;
      }
      line.procedure = procedure(sv1.components(1));
      line.charge = money(sv1.decimal(2));
      line.unitCode = sv1.optional(3);
      line.units = sv1.decimal(4);
      line.placeOfService = sv1.optional(5);
      for (String pointer : sv1.components(7)) {
        if (pointer != null && !pointer.isEmpty()) {
          line.pointers.add(parseInt(pointer));
        }
      }
    }

    private void institutionalService(Segment sv2) {
      if (line == null) {
        return;
      }
      line.revenueCode = sv2.optional(1);
      line.procedure = procedure(sv2.components(2));
      line.charge = money(sv2.decimal(3));
      line.unitCode = sv2.optional(4);
      line.units = sv2.decimal(5);
      line.nonCovered = money(sv2.decimal(7));
    }

    private void startAdjudication(Segment svd) {
      if (line == null) {
        unexpected(svd, "a service line");
        return;
      }
      adjudication = new AdjudicationDraft();
      adjudication.payerId = svd.optional(1);
      adjudication.paid = money(svd.decimal(2));
      adjudication.procedure = procedure(svd.components(3));
      adjudication.revenueCode = svd.optional(4);
      adjudication.units = svd.decimal(5);
      adjudication.bundledLine = svd.has(6) ? parseInt(svd.text(6)) : null;
      line.adjudications.add(adjudication);
      loop = Loop.LINE_ADJUDICATION;
    }

    // ---- values ----

    private static Procedure procedure(String[] c) {
      if (c.length == 0) {
        return null;
      }
      List<String> modifiers = new ArrayList<>(4);
      for (int i = 2; i <= 5; i++) {
        String modifier = part(c, i);
        if (modifier != null) {
          modifiers.add(modifier);
        }
      }
      return new Procedure(part(c, 0), part(c, 1), modifiers, part(c, 6));
    }

    private ServicePeriod period(Segment dtp) {
      String format = dtp.text(2);
      String value = dtp.text(3);
      if ("RD8".equals(format)) {
        int dash = value.indexOf('-');
        if (dash < 0) {
          // some senders put a single date under RD8; it is a one-day period, and we say so
          problem("INVALID_DATE", dtp, 3, "an RD8 period needs two dates, from-through; read as one day");
          LocalDate day = date(dtp, value);
          return day == null ? null : ServicePeriod.between(day, day);
        }
        LocalDate from = date(dtp, value.substring(0, dash));
        LocalDate through = date(dtp, value.substring(dash + 1));
        return from == null ? null : ServicePeriod.between(from, through);
      }
      LocalDate day = date(dtp, value);
      return day == null ? null : ServicePeriod.on(day);
    }

    private LocalDate date(Segment s, String value) {
      if (value == null || value.isEmpty()) {
        return null;
      }
      try {
        return LocalDate.parse(value, CCYYMMDD);
      } catch (DateTimeParseException e) {
        // the value is not shown: a date here may be a birth date
        problem("INVALID_DATE", s, 3, "the value is not a CCYYMMDD date");
        return null;
      }
    }

    private LocalTime time(Segment s, int element) {
      return time(s, s.text(element));
    }

    private LocalTime time(Segment s, String value) {
      if (value == null || value.length() < 4) {
        return null;
      }
      try {
        return LocalTime.of(Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(2, 4)));
      } catch (RuntimeException e) {
        problem("INVALID_TIME", s, 0, "'" + value + "' is not an HHMM time");
        return null;
      }
    }

    private BigDecimal decimal(Segment s, int element, String value) {
      if (value == null) {
        return null;
      }
      try {
        return new BigDecimal(value);
      } catch (NumberFormatException e) {
        problem("INVALID_NUMBER", s, element, "'" + value + "' is not a number");
        return null;
      }
    }

    /** Money at scale 2 as the house keeps it ("79" reads as 79.00); more decimals are kept, never rounded. */
    private static BigDecimal money(BigDecimal amount) {
      return amount == null || amount.scale() >= 2 ? amount : amount.setScale(2);
    }

    private static int parseInt(String value) {
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    private static String part(String[] components, int index) {
      return index < components.length && components[index] != null && !components[index].isEmpty() ? components[index] : null;
    }

    private void unexpected(Segment s, String where) {
      problem("UNEXPECTED_SEGMENT", s, s.is("NM1") ? 1 : 0,
          "segment " + s.tag() + (s.is("NM1") ? "*" + s.text(1) : "") + " is not expected in " + where);
    }

    private void problem(String code, Segment s, int element, String message) {
      X12Location where = element > 0 ? s.location(element) : s.location();
      problems.add(new X12Problem(code, where, message));
    }
  }

  // ---- drafts: mutable while the loop is read, frozen into records when the claim ends ----

  private static final class Level {
    final String id;
    final Segment segment;
    boolean hasChildren;
    boolean checked;

    Level(String id, Segment segment) {
      this.id = id;
      this.segment = segment;
    }
  }

  private static final class HeaderDraft {
    String referenceId;
    LocalDate createdOn;
    LocalTime createdAt;
    String transactionType;
    PartyName submitterName;
    String submitterId;
    Contact contact;
    String receiverName;
    String receiverId;

    ClaimBatchHeader build(ClaimType type) {
      return new ClaimBatchHeader(type, referenceId, createdOn, createdAt, transactionType,
          new Submitter(submitterName, submitterId, contact), new Receiver(receiverName, receiverId));
    }
  }

  private static final class AddressDraft {
    boolean present;
    String line1;
    String line2;
    String city;
    String state;
    String postalCode;

    Address build() {
      return present || line1 != null ? new Address(line1, line2, city, state, postalCode) : null;
    }
  }

  private static final class BillingDraft {
    boolean named;
    Segment nameSegment;
    PartyName name;
    String npi;
    String taxId;
    String taxonomy;
    Contact contact;
    final AddressDraft address = new AddressDraft();
    final AddressDraft payTo = new AddressDraft();

    BillingProvider build() {
      return new BillingProvider(name, npi, taxId, taxonomy, address.build(), contact, payTo.build());
    }
  }

  private static final class SubscriberDraft {
    boolean named;
    boolean payerNamed;
    String responsibility;
    String relationship;
    String groupNumber;
    String groupName;
    String filing;
    PartyName name;
    String memberId;
    LocalDate birthDate;
    String sex;
    final AddressDraft address = new AddressDraft();
    String payerName;
    String payerId;
    final AddressDraft payerAddress = new AddressDraft();
    private Subscriber subscriber;
    private Payer payer;

    Subscriber subscriber() {
      if (subscriber == null) {
        subscriber = new Subscriber(responsibility, relationship, groupNumber, groupName, filing, name, memberId,
            birthDate, sex, address.build());
      }
      return subscriber;
    }

    Payer payer() {
      if (payer == null && payerNamed) {
        payer = new Payer(payerName, payerId, payerAddress.build());
      }
      return payer;
    }
  }

  private static final class PatientDraft {
    boolean named;
    String relationship;
    PartyName name;
    LocalDate birthDate;
    String sex;
    final AddressDraft address = new AddressDraft();
    private Patient patient;

    Patient build() {
      if (patient == null) {
        patient = new Patient(relationship, name, address.build(), birthDate, sex);
      }
      return patient;
    }
  }

  private static final class ProviderDraft {
    final String role;
    final PartyName name;
    final String npi;
    String taxonomy;
    final AddressDraft address = new AddressDraft();
    final List<ReferenceId> references = new ArrayList<>();

    ProviderDraft(String role, PartyName name, String npi) {
      this.role = role;
      this.name = name;
      this.npi = npi;
    }

    ClaimProvider build() {
      return new ClaimProvider(role, name, npi, taxonomy, address.build(), references);
    }
  }

  private static final class OtherDraft {
    String responsibility;
    String relationship;
    String groupNumber;
    String groupName;
    String filing;
    final List<Adjustment> adjustments = new ArrayList<>();
    BigDecimal paid;
    BigDecimal nonCovered;
    BigDecimal remaining;
    String benefitsAssigned;
    String signatureSource;
    String release;
    PartyName subscriberName;
    String subscriberId;
    final AddressDraft subscriberAddress = new AddressDraft();
    String payerName;
    String payerId;
    final AddressDraft payerAddress = new AddressDraft();
    LocalDate adjudicationDate;
    String payerClaimControlNumber;

    OtherSubscriber build() {
      return new OtherSubscriber(responsibility, relationship, groupNumber, groupName, filing, adjustments, paid,
          nonCovered, remaining, benefitsAssigned, signatureSource, release, subscriberName, subscriberId,
          subscriberAddress.build(), payerName, payerId, payerAddress.build(), adjudicationDate, payerClaimControlNumber);
    }
  }

  private static final class AdjudicationDraft {
    String payerId;
    BigDecimal paid;
    Procedure procedure;
    String revenueCode;
    BigDecimal units;
    Integer bundledLine;
    final List<Adjustment> adjustments = new ArrayList<>();
    LocalDate date;
    BigDecimal remaining;

    LineAdjudication build() {
      return new LineAdjudication(payerId, paid, procedure, revenueCode, units, bundledLine, adjustments, date, remaining);
    }
  }

  private static final class LineDraft {
    int number;
    String revenueCode;
    Procedure procedure;
    BigDecimal charge;
    String unitCode;
    BigDecimal units;
    String placeOfService;
    final List<Integer> pointers = new ArrayList<>();
    BigDecimal nonCovered;
    ServicePeriod serviceDate;
    String controlNumber;
    String ndc;
    BigDecimal drugQuantity;
    String drugUnit;
    final List<ProviderDraft> providers = new ArrayList<>();
    final List<AdjudicationDraft> adjudications = new ArrayList<>();

    ServiceLine build() {
      Drug drug = ndc == null ? null : new Drug(ndc, drugQuantity, drugUnit);
      return new ServiceLine(number, revenueCode, procedure, charge, unitCode, units, placeOfService, pointers,
          nonCovered, serviceDate, controlNumber, drug, providers.stream().map(ProviderDraft::build).toList(),
          adjudications.stream().map(AdjudicationDraft::build).toList());
    }
  }

  private static final class ClaimDraft {
    final Segment clm;
    boolean hasHi;
    BillingProvider billingProvider;
    Subscriber subscriber;
    Payer payer;
    Patient patient;
    String patientControlNumber;
    BigDecimal totalCharge;
    String facilityCode;
    String frequencyCode;
    String signature;
    String assignment;
    String benefits;
    String release;
    ServicePeriod statementPeriod;
    LocalDate admissionDate;
    LocalTime admissionTime;
    LocalTime dischargeTime;
    String admissionType;
    String admissionSource;
    String patientStatus;
    String priorAuthorization;
    String payerClaimControlNumber;
    String medicalRecordNumber;
    final List<HealthCareCode> codes = new ArrayList<>();
    final List<ProviderDraft> providers = new ArrayList<>();
    final List<OtherDraft> others = new ArrayList<>();
    final List<ServiceLine> lines = new ArrayList<>();

    ClaimDraft(Segment clm) {
      this.clm = clm;
    }

    Claim837 build() {
      return new Claim837(billingProvider, subscriber, payer, patient, patientControlNumber, totalCharge, facilityCode,
          frequencyCode, signature, assignment, benefits, release, statementPeriod, admissionDate, admissionTime,
          dischargeTime, admissionType, admissionSource, patientStatus, priorAuthorization, payerClaimControlNumber,
          medicalRecordNumber, codes, providers.stream().map(ProviderDraft::build).toList(),
          others.stream().map(OtherDraft::build).toList(), lines);
    }
  }
}
