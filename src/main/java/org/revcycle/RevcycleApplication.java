package org.revcycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** revcycle: a hospital's patient-billing back office, encounter to cash, on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RevcycleApplication {

  public static void main(String[] args) {
    SpringApplication.run(RevcycleApplication.class, args);
  }
}
