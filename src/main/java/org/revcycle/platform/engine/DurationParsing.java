package org.revcycle.platform.engine;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's {@link DatatypeFactory}. The engine makes a new one for every timer it schedules
 * (the payer-late timer of each claim, every retry cycle), and without this property each
 * {@code DatatypeFactory.newInstance()} searches every jar of the class path for a provider first:
 * over one percent of the application's CPU in the lifecycle benchmark. No jar here provides one,
 * so the factory used is the same as before.
 */
@Component
public class DurationParsing extends AbstractCamundaConfiguration {

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
  }
}
