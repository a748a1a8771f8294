package org.revcycle.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.revcycle.platform.identity.BillingOfficeRole;
import org.springframework.stereotype.Component;

/** Engine settings that application.yaml cannot express. Engine-specific Java stays in platform/. */
@Component
public class EngineConfiguration extends AbstractCamundaConfiguration {

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    // Administrators are Camunda admins: the Admin app's system pages check this list.
    List<String> adminGroups = new ArrayList<>();
    if (configuration.getAdminGroups() != null) {
      adminGroups.addAll(configuration.getAdminGroups());
    }
    adminGroups.add(BillingOfficeRole.ADMIN.groupId());
    configuration.setAdminGroups(adminGroups);
  }
}
