// Fit quiz, progressive enhancement only: without this file every statement shows on one page
// and the form posts as usual.
//  - Answers are saved in localStorage while you fill in, and restored on reload, so a failed
//    submit (or a server outage) never loses them. They are cleared once a submission lands on
//    a results page (a per-tab flag set on submit tells the results page it was ours).
//  - One section at a time, with Back and Next buttons, and a live count of answered statements.
//  - On the results page: a "Copy link" button for the private link.
(function () {
  "use strict";

  var KEY = "himcareers:quiz:v1";
  var PENDING = "himcareers:quiz:submitted";
  var MAX_AGE_MS = 24 * 60 * 60 * 1000; // shared school computers: do not keep answers for long

  function usable(kind) {
    try {
      var store = window[kind];
      store.setItem("__himcareers", "1");
      store.removeItem("__himcareers");
      return store;
    } catch (e) {
      return null;
    }
  }
  var local = usable("localStorage");
  var session = usable("sessionStorage");

  function forget() {
    try { if (local) { local.removeItem(KEY); } } catch (e) { /* nothing to do */ }
  }

  function loadSaved() {
    if (!local) { return null; }
    try {
      var data = JSON.parse(local.getItem(KEY) || "null");
      if (!data || typeof data !== "object" || typeof data.answers !== "object" ||
          Date.now() - (data.saved || 0) > MAX_AGE_MS) {
        forget();
        return null;
      }
      return data;
    } catch (e) {
      forget();
      return null;
    }
  }

  // --- results page ------------------------------------------------------------------------------
  var resultPage = document.querySelector("[data-quiz-result]");
  // Words in the page's language: the templates put them on the page's root element as
  // data-text-* attributes (translated by Django); English when one is missing.
  var textRoot = resultPage || document.querySelector("[data-quiz]");
  function t(name, english) {
    return (textRoot && textRoot.getAttribute("data-text-" + name)) || english;
  }
  if (resultPage) {
    var sent = session ? Number(session.getItem(PENDING)) : 0;
    if (sent) {
      session.removeItem(PENDING);
      // Only a submission from the last few minutes: a failed one must not be cleared later by
      // opening some older results page.
      if (Date.now() - sent < 10 * 60 * 1000) { forget(); }
    }
    var source = resultPage.querySelector("[data-copy-source]");
    if (source && navigator.clipboard) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-outline-primary btn-sm";
      button.textContent = t("copy", "Copy link");
      var status = document.createElement("span");
      status.className = "copy-status small";
      status.setAttribute("role", "status");
      source.parentNode.appendChild(button);
      source.parentNode.appendChild(status);
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.value).then(function () {
          status.textContent = t("copied", "Link copied.");
        }, function () {
          source.select();
          status.textContent = t("copy-failed", "Select the link and copy it.");
        });
      });
    }
    return;
  }

  // --- the questionnaire -----------------------------------------------------------------------
  var form = document.querySelector("[data-quiz-form]");
  if (!form) { return; }
  if (session) { session.removeItem(PENDING); } // we are back on the form: that submit did not land

  var items = Array.prototype.slice.call(form.querySelectorAll("[data-quiz-item]"));
  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-quiz-step]"));
  var stages = Array.prototype.slice.call(form.querySelectorAll("[data-quiz-stage]"));
  var submitBlock = form.querySelector("[data-quiz-submit]");
  var progress = form.querySelector("[data-quiz-progress]");
  var countText = form.querySelector("[data-quiz-count]");
  var bar = progress ? progress.querySelector("progress") : null;
  var summary = document.getElementById("error-summary");
  var joinCode = form.elements.namedItem("join_code");

  function checkedIn(fieldset) {
    return fieldset.querySelector("input[type=radio]:checked");
  }

  function collect() {
    var answers = {};
    items.forEach(function (fieldset) {
      var checked = checkedIn(fieldset);
      if (checked) { answers[fieldset.getAttribute("data-quiz-item")] = checked.value; }
    });
    return { saved: Date.now(), answers: answers, join_code: joinCode ? joinCode.value : "" };
  }

  function save() {
    if (!local) { return; }
    try { local.setItem(KEY, JSON.stringify(collect())); } catch (e) { /* storage full or blocked */ }
  }

  function restore() {
    var data = loadSaved();
    if (!data) { return; }
    items.forEach(function (fieldset) {
      if (checkedIn(fieldset)) { return; } // what the server sent back wins
      var value = String(data.answers[fieldset.getAttribute("data-quiz-item")] || "").replace(/[^0-9]/g, "");
      if (!value) { return; }
      var input = fieldset.querySelector('input[type=radio][value="' + value + '"]');
      if (input) {
        input.checked = true;
        resolve(fieldset);
      }
    });
    if (joinCode && !joinCode.value && typeof data.join_code === "string") {
      joinCode.value = data.join_code.slice(0, 24);
    }
  }

  // An answered statement no longer needs its error message.
  function resolve(fieldset) {
    if (!fieldset.classList.contains("is-invalid")) { return; }
    fieldset.classList.remove("is-invalid");
    fieldset.removeAttribute("aria-describedby");
    var error = fieldset.querySelector(".quiz-error");
    if (error) { error.hidden = true; }
  }

  function updateCount() {
    if (!progress) { return; }
    var answered = items.filter(checkedIn).length;
    countText.textContent = t("count", "{answered} of {total} statements answered").replace("{answered}", answered).replace("{total}", items.length);
    if (bar) { bar.value = answered; }
  }

  // --- one section at a time ---------------------------------------------------------------------
  var current = 0;
  var paging = steps.length > 1 && !summary;

  function show(index, moveFocus) {
    current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach(function (step, i) { step.hidden = i !== current; });
    stages.forEach(function (stage) { stage.hidden = !stage.contains(steps[current]); });
    if (submitBlock) { submitBlock.hidden = current !== steps.length - 1; }
    if (moveFocus) {
      var heading = steps[current].querySelector("h2, h3");
      if (heading) {
        heading.focus();
        heading.scrollIntoView({ block: "start" });
      }
    }
  }

  function addNav(step, i) {
    var nav = document.createElement("div");
    nav.className = "quiz-nav";
    if (i > 0) {
      var back = document.createElement("button");
      back.type = "button";
      back.className = "btn btn-outline-secondary";
      back.textContent = t("back", "Back");
      back.addEventListener("click", function () { save(); show(i - 1, true); });
      nav.appendChild(back);
    }
    if (i < steps.length - 1) {
      var next = document.createElement("button");
      next.type = "button";
      next.className = "btn btn-primary";
      next.textContent = i === steps.length - 2 ? t("next-last", "Next: last step") : t("next", "Next section");
      next.addEventListener("click", function () { save(); show(i + 1, true); });
      nav.appendChild(next);
    }
    step.appendChild(nav);
  }

  function firstUnanswered() {
    for (var i = 0; i < steps.length; i++) {
      var open = steps[i].querySelectorAll("[data-quiz-item]");
      for (var j = 0; j < open.length; j++) {
        if (!checkedIn(open[j])) { return i; }
      }
    }
    return steps.length - 1;
  }

  // --- wiring ----------------------------------------------------------------------------------
  restore();
  if (progress) { progress.hidden = false; }
  updateCount();

  var savedNote = form.querySelector("[data-quiz-saved]");
  if (local && savedNote) { savedNote.hidden = false; }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest ? event.target.closest("[data-quiz-item]") : null;
    if (fieldset) { resolve(fieldset); }
    updateCount();
    save();
  });
  form.addEventListener("input", function (event) {
    if (event.target === joinCode) { save(); }
  });
  form.addEventListener("submit", function () {
    save();
    if (session) { session.setItem(PENDING, String(Date.now())); }
  });

  var clearButton = form.querySelector("[data-quiz-clear]");
  if (clearButton) {
    clearButton.addEventListener("click", function () {
      if (!window.confirm(t("clear", "Clear all your answers and start again?"))) { return; }
      forget();
      form.reset();
      items.forEach(function (fieldset) {
        Array.prototype.forEach.call(fieldset.querySelectorAll("input[type=radio]"), function (input) { input.checked = false; });
      });
      updateCount();
      if (paging) { show(0, true); }
    });
  }

  if (paging) {
    steps.forEach(addNav);
    show(firstUnanswered(), false);
  } else if (summary) {
    summary.focus();
  }
})();
