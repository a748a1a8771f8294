package org.revcycle.denial;

import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Escalate overdue appeal": the payer's deadline came with no answer recorded. The appeal
 * task goes to the top of its queue (priority 100) and the claim's timeline says so.
 */
@Component("escalateOverdueAppealDelegate")
public class EscalateOverdueAppealDelegate implements JavaDelegate {

  static final int ESCALATED_PRIORITY = 100;

  private final DenialManagement management;

  public EscalateOverdueAppealDelegate(DenialManagement management) {
    this.management = management;
  }

  @Override
  public void execute(DelegateExecution execution) {
    management.appealOverdue(UUID.fromString((String) execution.getVariable(DenialManagementProcess.VAR_DENIAL_ID)));
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey("RecordAppealDecision")
        .list().forEach(task -> tasks.setPriority(task.getId(), ESCALATED_PRIORITY));
  }
}
