package org.revcycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** revcycle: a hospital's patient-billing back office, encounter to cash, on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RevcycleApplication {

  public static void main(String[] args) {
    SpringApplication.run(RevcycleApplication.class, args);
  }
}
