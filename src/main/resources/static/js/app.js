// Personnel Events: the little script the pages need, from a file (the Content-Security-Policy allows no
// inline script). htmx requests carry the CSRF token of the page, as forms do.
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
// After htmx swaps in new results, say so to screen readers through the live region the page has. The
// results are swapped whole (outerHTML): the event's target is the old element, so read the new one.
document.addEventListener("htmx:afterSettle", function (event) {
  if (!event.detail.target || event.detail.target.id !== "results") {
    return;
  }
  var live = document.getElementById("live");
  var summary = document.querySelector("#results [data-summary]");
  if (live && summary) {
    live.textContent = summary.getAttribute("data-summary");
  }
});
