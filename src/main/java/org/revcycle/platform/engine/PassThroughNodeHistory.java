package org.revcycle.platform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Writes no activity history for the nodes a token only passes through: exclusive gateways and
 * none start events. They begin and end in the same transaction, so nobody waits there and nothing
 * can fail there on its own, and the next node's history shows which way the token went; they were
 * over a third of the activity history of a claim. Tasks, call activities, receive tasks, timers and
 * every end event (how an instance ended says something) keep their history.
 */
@Component
public class PassThroughNodeHistory extends AbstractCamundaConfiguration {

  /**
   * Camunda's activity types of the nodes left out. Not the parallel, inclusive and event-based
   * gateways: a token can wait at those.
   */
  static final Set<String> PASS_THROUGH = Set.of("exclusiveGateway", "startEvent");

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    applyTo(configuration);
  }

  static void applyTo(ProcessEngineConfigurationImpl configuration) {
    // other plugins may add handlers of their own, before or after this one
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Filter(new DbHistoryEventHandler()));
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Hands every other history event to the engine's own database handler. */
  static final class Filter implements HistoryEventHandler {

    private final HistoryEventHandler database;

    Filter(HistoryEventHandler database) {
      this.database = database;
    }

    static boolean passThrough(HistoryEvent event) {
      return event instanceof HistoricActivityInstanceEventEntity activity
          && PASS_THROUGH.contains(activity.getActivityType());
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!passThrough(event)) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      for (HistoryEvent event : events) {
        handleEvent(event);
      }
    }
  }
}
