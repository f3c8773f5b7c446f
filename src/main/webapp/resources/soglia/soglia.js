/* Soglia's few behaviours, from a file (the Content-Security-Policy allows no inline script without PrimeFaces'
   nonce). Delegated from the document, so they also work on what a PrimeFaces Ajax update puts in the page. */
(function () {
    'use strict';

    document.addEventListener('click', function (event) {
        var target = event.target instanceof Element ? event.target : null;
        if (!target) {
            return;
        }
        // The header's menu button on narrow screens: shows or hides the navigation and "Esci".
        var toggle = target.closest('#nav-toggle');
        if (toggle) {
            var open = toggle.getAttribute('aria-expanded') !== 'true';
            toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
            document.body.classList.toggle('soglia-menu-open', open);
            return;
        }
        // The close button inside a message box.
        var close = target.closest('.soglia-message-close');
        if (close) {
            var box = close.closest('.soglia-message');
            if (box) {
                box.parentNode.removeChild(box);
            }
            return;
        }
        // A copy button: copies the text of the element named in data-copy, then says so on the button.
        var copy = target.closest('[data-copy]');
        if (copy) {
            var source = document.getElementById(copy.getAttribute('data-copy'));
            if (source && navigator.clipboard) {
                navigator.clipboard.writeText(source.textContent.trim()).then(function () {
                    copy.classList.add('soglia-copied');
                });
            }
            return;
        }
        // A panel's close button: hides the element named in data-dismiss (the new user's initial password).
        var dismiss = target.closest('[data-dismiss]');
        if (dismiss) {
            var panel = document.getElementById(dismiss.getAttribute('data-dismiss'));
            if (panel) {
                panel.parentNode.removeChild(panel);
            }
        }
    });
}());
