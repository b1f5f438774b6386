// Close an open <details> menu (Datasette's navigation and column menus) when the reader clicks elsewhere.
// A static file rather than Datasette's inline script: the archive's pages allow no inline script (CSP).
var MENUS = "details.nav-menu, details.actions-menu-links";  // not the pages' own <details> (attachments)
document.addEventListener("click", function (event) {
  var inside = event.target instanceof Element ? event.target.closest(MENUS) : null;
  document.querySelectorAll(MENUS).forEach(function (menu) {
    if (menu.open && menu !== inside) { menu.open = false; }
  });
});
