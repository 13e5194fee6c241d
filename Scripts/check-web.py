#!/usr/bin/env python3
"""The reference web page in a real browser: two Chromium sessions (Selenium with Debian's chromium-driver) signed
in as two teachers of the demo district's Grade 6 math. One records a lesson with hostile text; the other sees it
appear without reloading and celebrates it; the first sees the count rise live. Also: an observer-free team picker,
a lesson without what was learned refused naming the field, one's own win not celebratable, the dashboard's charts
loaded with alt text, every field labelled, no console error. Screenshots go to the folder given.
    python3 Scripts/check-web.py <smallwins binary> <screenshot folder>
"""
import os, re, subprocess, sys, tempfile, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

smallwins, shots = sys.argv[1], sys.argv[2]
os.makedirs(shots, exist_ok=True)
work = tempfile.mkdtemp()
env = dict(os.environ, SMALLWINS_DATABASE=f"{work}/demo/demo.sqlite")
subprocess.run([smallwins, "demo", "--out", f"{work}/demo"], env=env, check=True, stdout=subprocess.DEVNULL)
token = lambda name: subprocess.run([smallwins, "token", "create", "--member", name, "--name", "browser test"], env=env, check=True,
                                    capture_output=True, text=True).stdout.strip().splitlines()[-1]
ahmed, tariq = token("Ahmed Alvarez"), token("Tariq Johnson")
log = open(f"{work}/serve.log", "w+")
server = subprocess.Popen([smallwins, "serve", "--port", "0"], env=env, stdout=log, stderr=subprocess.STDOUT)
drivers = []
checks = 0


def check(condition, message):
    global checks
    if not condition:
        raise AssertionError(message)
    checks += 1


try:
    for _ in range(100):
        log.seek(0)
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", log.read())
        if found:
            break
        time.sleep(0.1)
    base = f"http://127.0.0.1:{found.group(1)}/"

    def browser(token):
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400"]:
            options.add_argument(argument)
        options.binary_location = "/usr/bin/chromium"
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        drivers.append(driver)
        driver.get(base)
        driver.find_element(By.ID, "token").send_keys(token)
        driver.find_element(By.CSS_SELECTOR, "#sign-in-form button").click()
        wait(driver).until(lambda d: d.find_element(By.ID, "app").is_displayed())
        wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#feed li")) > 0)
        wait(driver).until(lambda d: "on" in d.find_element(By.ID, "live").get_attribute("class"))
        driver.execute_script("window.notReloaded = true")
        return driver

    def wait(driver, seconds=15):
        # A live page replaces what it shows as changes arrive: an element found a moment ago may be gone.
        return WebDriverWait(driver, seconds, poll_frequency=0.1, ignored_exceptions=(StaleElementReferenceException,))

    a, b = browser(ahmed), browser(tariq)
    check("Ahmed Alvarez" in a.find_element(By.ID, "who-name").text, "A is signed in as Ahmed")
    check(a.find_element(By.ID, "team").get_attribute("value") == b.find_element(By.ID, "team").get_attribute("value"), "same team")

    # A lesson without what was learned is refused, naming the field.
    a.find_element(By.CSS_SELECTOR, "input[name=kind][value=lesson]").click()
    a.find_element(By.ID, "title").send_keys("Exit tickets")
    a.find_element(By.ID, "story").send_keys("Nobody filled them in.")
    a.find_element(By.CSS_SELECTOR, "#record-form button[type=submit]").click()
    wait(a).until(lambda d: "learned" in d.find_element(By.ID, "record-status").text)
    check(a.switch_to.active_element.get_attribute("id") == "learned", "the field named by the error gets the focus")

    # A records a lesson with hostile text; B sees it appear without reloading.
    title = f"Exit tickets fell flat {int(time.time())}"
    hostile = 'Nobody filled them in. <img src=x onerror="window.hacked=1"> "quotes" & ampersands'
    a.find_element(By.ID, "title").clear(); a.find_element(By.ID, "title").send_keys(title)
    a.find_element(By.ID, "story").clear(); a.find_element(By.ID, "story").send_keys(hostile)
    a.find_element(By.ID, "learned").send_keys("Ask one question, not five.")
    started = time.monotonic()
    a.find_element(By.CSS_SELECTOR, "#record-form button[type=submit]").click()
    wait(a).until(lambda d: title in d.find_element(By.ID, "feed").text)
    wait(b).until(lambda d: title in d.find_element(By.ID, "feed").text)
    seen_after = time.monotonic() - started
    check(b.execute_script("return window.notReloaded === true"), "B saw the lesson without reloading")
    item = b.find_element(By.XPATH, f"//li[.//h3[contains(., '{title}')]]")
    check(hostile in item.text, "the story shows as written")
    check(not item.find_elements(By.TAG_NAME, "img") and not b.execute_script("return window.hacked === 1"), "markup in a story stays text")
    check("Lesson learned" in item.text and "Ask one question" in item.text, "the lesson's kind and what was learned show")

    # A cannot celebrate their own win; B celebrates it, with confetti, and A's count rises live.
    own = a.find_element(By.XPATH, f"//li[.//h3[contains(., '{title}')]]//button[contains(@class,'celebrate')]")
    check(not own.is_enabled(), "one's own win is not celebratable")
    b.find_element(By.XPATH, f"//li[.//h3[contains(., '{title}')]]//button[contains(@class,'celebrate')]").click()
    wait(b).until(lambda d: d.find_element(By.ID, "confetti").get_attribute("data-running") == "true")
    time.sleep(0.4)
    b.save_screenshot(f"{shots}/celebrating.png")
    wait(a).until(lambda d: "(1)" in d.find_element(By.XPATH, f"//li[.//h3[contains(., '{title}')]]//button").text)
    check(a.execute_script("return window.notReloaded === true"), "A saw the celebration without reloading")

    # The dashboard: totals and four charts with alt text, all loaded.
    for driver in (a, b):
        # In one script each time: a change notice makes the page draw its charts again, so found elements go stale.
        charts = "return [...document.querySelectorAll('#charts img')]"
        wait(driver).until(lambda d: d.execute_script(charts + ".filter(i => i.complete && i.naturalWidth > 0).length") == 4)
        check(driver.execute_script(charts + ".every(i => i.alt.length > 20)"), "charts have alt text")
        unlabelled = driver.execute_script("""
            return [...document.querySelectorAll('input, textarea, select')].filter(e =>
                !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.name || e.id)""")
        check(unlabelled == [], f"every field has a label: {unlabelled}")
    a.execute_script("window.scrollTo(0, 0)")
    a.save_screenshot(f"{shots}/teacher.png")
    b.execute_script("document.getElementById('dashboard').scrollIntoView()")
    b.save_screenshot(f"{shots}/dashboard.png")

    refused = "/v1/wins - Failed to load resource: the server responded with a status of 400"  # the lesson refused above
    for name, driver, expected in (("A", a, 1), ("B", b, 0)):
        errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        check(len(errors) == expected and all(refused in error for error in errors), f"{name}: no console error but the refusal: {errors}")
    print(f"web page: {checks} checks passed in two browsers; B saw A's lesson {seen_after:.1f} s after it was sent, "
          f"without reloading; screenshots in {shots}")
except BaseException:
    for number, driver in enumerate(drivers):
        driver.save_screenshot(f"{shots}/failure-{number}.png")
    log.seek(0)
    print("server log:", log.read()[-3000:], sep="\n")
    raise
finally:
    for driver in drivers:
        driver.quit()
    server.terminate()
    server.wait(timeout=10)
