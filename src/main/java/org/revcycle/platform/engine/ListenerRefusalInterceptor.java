package org.revcycle.platform.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a task or execution listener throws in a plain ProcessEngineException,
 * which the REST API (and Tasklist) answer with 500. A listener that refuses an action (nobody
 * approves their own write-off) throws an AuthorizationException: this interceptor, outside the
 * transaction (which has rolled back already), rethrows that refusal itself, so callers get a 403
 * with the reason, as for any other authorization failure. A listener that refuses what was entered
 * on a form (a claim that has no denial) throws a FormFieldValidationException, passed on the same
 * way: the REST API answers 400 with its message.
 */
public class ListenerRefusalInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      if (!(e instanceof AuthorizationException) && !(e instanceof FormFieldValidationException)) {
        ProcessEngineException refusal = refusalBehind(e);
        if (refusal != null) {
          throw refusal;
        }
      }
      throw e;
    }
  }

  static ProcessEngineException refusalBehind(Throwable e) {
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
      if (cause instanceof AuthorizationException refusal) {
        return refusal;
      }
      if (cause instanceof FormFieldValidationException refusal) {
        return refusal;
      }
    }
    return null;
  }
}
