package org.revcycle.coding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.revcycle.encounter.EncounterToCashWorkflow;
import org.revcycle.ledger.Ledger;
import org.revcycle.support.CodingEditClaims;
import org.revcycle.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coder works a coding edit in Camunda Tasklist, in a real (headless) browser: log in, open the
 * task from the "Coding edits" filter, read the edit, add the missing diagnosis on the form,
 * complete it; the claim then passes its edits and moves on. Uses Debian's chromium and
 * chromium-driver; where they are not installed the test says so and is skipped (.ci/run installs them).
 */
class CodingEditInTasklistIT extends PostgresIntegrationTest {

  private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired JdbcClient jdbc;
  @Autowired EncounterToCashWorkflow workflow;
  @Autowired Ledger ledger;
  @Autowired TaskService taskService;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromium-driver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): "
            + "apt-get install -y chromium chromium-driver; the Tasklist browser test is skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1400,1100", "--lang=en-US");
    // the driver given explicitly: Selenium Manager must not go looking for one on the network
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, PATIENCE);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aCoderResolvesACodingEditFromTheCodingEditsFilter() throws IOException {
    CodingEditClaims.Held held = new CodingEditClaims(jdbc, ledger, workflow).startWithoutDiagnosis(new BigDecimal("175.00"));
    await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(held.patientControlNumber()).taskDefinitionKey("ResolveClaimEdit").count() == 1);

    try {
      logIn("coder", "it-coder");

      // the queue, then this claim's task in it (other tests may have left coding edits in the queue)
      String taskId = taskService.createTaskQuery().processInstanceBusinessKey(held.patientControlNumber())
          .taskDefinitionKey("ResolveClaimEdit").singleResult().getId();
      click(By.xpath("//*[contains(@class,'task-filters')]//a[starts-with(normalize-space(), 'Coding edits')]"));
      click(By.cssSelector(".tasks-list a[href$='task=" + taskId + "']"));

      // the form: the claim and the failed edit, in words
      WebElement pcn = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("input[id$='Summary_patientControlNumber']")));
      waitForAngular();
      wait.until(d -> held.patientControlNumber().equals(pcn.getDomProperty("value")));
      String edits = browser.findElement(By.cssSelector("textarea[id$='Show_editSummary']")).getDomProperty("value");
      assertThat(edits).contains("E-DX-MISSING").contains("diagnosis");
      assertThat(browser.findElement(By.cssSelector("input[id$='Summary_claimCharge']")).getDomProperty("value"))
          .isEqualTo("175.00 USD");
      assertThat(browser.findElement(By.cssSelector("input[id$='Summary_claimBalance']")).getDomProperty("value"))
          .isEqualTo("175.00 USD");

      claimTheTaskIfOffered();
      type(By.cssSelector("input[id$='Field_diagnosisCodes']"), "E11.9, I10");
      type(By.cssSelector("textarea[id$='Field_resolutionNote']"), "Added diabetes and hypertension from the visit note");
      click(By.xpath("//button[normalize-space()='Complete']"));

      await().atMost(PATIENCE).until(() -> taskService.createTaskQuery()
          .processInstanceBusinessKey(held.patientControlNumber()).taskDefinitionKey("ResolveClaimEdit").count() == 0);
    } catch (RuntimeException | AssertionError e) {
      keepEvidence();
      throw e;
    }

    // over the API: the diagnoses are on the claim, the edits passed, the claim moved on
    await().atMost(PATIENCE).untilAsserted(() -> {
      JsonPath claim = given().auth().preemptive().basic("coder", "it-coder")
          .get("/api/claims/" + held.claimId()).then().statusCode(200).extract().jsonPath();
      assertThat(claim.getList("diagnoses", String.class)).containsExactly("E11.9", "I10");
      assertThat(claim.getString("claim.status")).isNotIn("CODING_HOLD", "RECEIVED");
      List<String> stages = claim.getList("stages.collect { it.stage + ' ' + it.outcome }", String.class);
      // one transaction from the click to the re-review: the same instant may carry several events
      assertThat(stages).contains("CHARGE_REVIEW HELD", "TASK COMPLETED", "CHARGE_REVIEW CORRECTED",
          "CHARGE_REVIEW PASSED");
      assertThat(claim.getList("stages.findAll { it.stage == 'TASK' }.actor", String.class)).containsExactly("coder");
    });
  }

  private void logIn(String user, String password) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    By username = By.cssSelector("input[ng-model='username']");
    By passwordField = By.cssSelector("input[ng-model='password']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(username));
    waitForAngular();
    // Real key events, as a person types: the login form ignores values set by script. Headless
    // chromium 156 here drops every key event on the webapps' login page (not on the task pages,
    // where the form below is typed into); when the fields stay empty, the browser sends the
    // request the login form sends.
    if (typed(username, user) && typed(passwordField, password)) {
      click(By.cssSelector("button[type='submit']"));
    } else {
      Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
          var done = arguments[arguments.length - 1];
          var xsrf = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
          fetch('/camunda/api/admin/auth/user/default/login/tasklist', {method: 'POST',
              headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': xsrf},
              body: 'username=' + encodeURIComponent(arguments[0]) + '&password=' + encodeURIComponent(arguments[1])})
            .then(function (r) { done(r.status); }, function (e) { done(String(e)); });""", user, password);
      assertThat(status).as("Tasklist login of %s", user).isEqualTo(200L);
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    }
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
    waitForAngular();
  }

  /** Types into the field with real key events; whether the field now holds the text. */
  private boolean typed(By field, String text) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(field));
    element.click();
    element.sendKeys(text);
    return text.equals(element.getDomProperty("value"));
  }

  /** Tasklist lets the assignee fill the form: claim the task first when it offers to. */
  private void claimTheTaskIfOffered() {
    List<WebElement> claim = browser.findElements(By.xpath("//button[normalize-space()='Claim']"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//button[normalize-space()='Claim']")));
      waitForAngular();
    }
  }

  /** Types with real key events and checks the field took them (a re-rendered field loses them). */
  private void type(By field, String text) {
    wait.until(d -> {
      WebElement element = ExpectedConditions.visibilityOfElementLocated(field).apply(d);
      if (element == null) {
        return false;
      }
      ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      element.click();
      element.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
      element.sendKeys(text);
      return text.equals(d.findElement(field).getDomProperty("value"));
    });
  }

  private void click(By target) {
    waitForAngular();
    WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(target));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(target)).click();
    waitForAngular();
  }

  /** AngularJS has settled: the page is loaded and no request to revcycle is outstanding. */
  private void waitForAngular() {
    String[] last = {""};
    try {
      wait.until(d -> {
        Object state = ((JavascriptExecutor) d).executeScript("""
            if (document.readyState !== 'complete') { return 'loading'; }
            var ng = window.angular;
            if (!ng) { return 'ok'; }
            var root = document.querySelector('[ng-app],[data-ng-app]') || document.body;
            var injector = ng.element(root).injector();
            if (!injector) { return 'no injector'; }
            // only the webapp's calls to revcycle's engine API count: its look-out for news
            // (GET /camunda-welcome, other origins) never answers offline
            var pending = injector.get('$http').pendingRequests.filter(function (r) {
              var url = r.url.indexOf(location.origin) === 0 ? r.url.substring(location.origin.length) : r.url;
              return url.indexOf('/camunda/') === 0;
            });
            return pending.length === 0 ? 'ok' : pending.length + ' requests pending: '
                + pending.map(function (r) { return r.method + ' ' + r.url; }).join(', ');""");
        last[0] = String.valueOf(state);
        return "ok".equals(state);
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new org.openqa.selenium.TimeoutException("Angular did not settle: " + last[0], e);
    }
  }

  /** A screenshot and the page, for whoever reads the failure. */
  private void keepEvidence() throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "browser-evidence"));
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve("coding-edit.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(dir.resolve("coding-edit.html"), browser.getPageSource());
  }
}
