// The teacher view: each chapter's "Teacher notes" (wrapped by the workbook
// preprocessor in <div class="teacher-notes">) shows only when the <html>
// element has the class "teacher-view". `?teacher` in the address turns it on,
// `?teacher=0` off, and the choice is remembered (localStorage). The graduation
// cap in the menu bar toggles it.
(function () {
    "use strict";
    const KEY = "workbook-teacher-view";
    const html = document.documentElement;

    function remembered() {
        try { return localStorage.getItem(KEY) === "on"; } catch (e) { return false; }
    }

    function set(on) {
        html.classList.toggle("teacher-view", on);
        try {
            if (on) { localStorage.setItem(KEY, "on"); } else { localStorage.removeItem(KEY); }
        } catch (e) { /* private mode: the view still switches for this page */ }
        const button = document.getElementById("workbook-teacher-toggle");
        if (button) {
            button.setAttribute("aria-pressed", String(on));
            button.title = on ? "Teacher view is on: hide the teacher notes"
                              : "Teacher view: show the teacher notes";
        }
    }

    const query = new URLSearchParams(window.location.search);
    let on = remembered();
    if (query.has("teacher")) {
        on = !["0", "off", "false", "no"].includes(query.get("teacher"));
    }

    const buttons = document.querySelector("#mdbook-menu-bar .right-buttons");
    if (buttons) {
        const button = document.createElement("button");
        button.id = "workbook-teacher-toggle";
        button.type = "button";
        button.className = "icon-button";
        button.setAttribute("aria-label", "Teacher view");
        // A graduation cap (public domain shape), drawn in the text colour.
        button.innerHTML = '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">' +
            '<path fill="currentColor" d="M12 3 1 9l11 6 9-4.9V17h2V9L12 3zm-7 9.2v4L12 20l7-3.8v-4L12 16l-7-3.8z"/></svg>';
        button.addEventListener("click", function () {
            set(!html.classList.contains("teacher-view"));
        });
        buttons.prepend(button);
    }
    set(on);
})();
