package org.revcycle.remittance;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Export journal to ERP". */
@Component("exportJournalDelegate")
public class ExportJournalDelegate implements JavaDelegate {

  private final RemittancePosting posting;

  public ExportJournalDelegate(RemittancePosting posting) {
    this.posting = posting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    posting.exportToErp(UUID.fromString((String) execution.getVariable("claimId")));
  }
}
