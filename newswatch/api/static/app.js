// newswatch web page: small conveniences only; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Filters apply as soon as a checkbox, select or date changes.
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.querySelectorAll("input[type=checkbox], select, input[type=date]").forEach(function (el) {
      el.addEventListener("change", function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
    });
    // Leave empty fields out of the URL, so shared links stay short.
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (el) {
        if (!el.value || (el.type === "checkbox" && !el.checked)) { el.disabled = true; }
      });
      setTimeout(function () {
        form.querySelectorAll("input, select").forEach(function (el) { el.disabled = false; });
      }, 0);
    });
  });
  // Jump to the first highlighted evidence sentence of a record.
  var first = document.querySelector(".record .text p mark");
  var heading = document.querySelector(".record .text h2");
  if (first && heading) {
    var link = document.createElement("a");
    link.href = "#";
    link.textContent = " jump to evidence";
    link.className = "jump";
    link.addEventListener("click", function (e) { e.preventDefault(); first.scrollIntoView({ block: "center" }); });
    heading.appendChild(link);
  }
});
