package org.revcycle.support;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** The in-memory engine of process tests (see process-test.camunda.cfg.xml). */
public final class ProcessTestEngine {

  private ProcessTestEngine() {}

  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();
  }
}
