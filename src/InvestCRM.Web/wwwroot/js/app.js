// Small progressive enhancements; every page works without them.
document.addEventListener("htmx:configRequest", (event) => {
  // htmx requests carry the antiforgery token of the page they came from.
  const token = document.querySelector('input[name="__RequestVerificationToken"]');
  if (token) event.detail.headers["RequestVerificationToken"] = token.value;
});
