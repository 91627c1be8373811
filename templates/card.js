// The card form's helper: names the brand as the shopper types and fits the security code's
// hint to it. The server does the same when the form is submitted, so the page works without
// it. Everything it says comes from the page (data attributes), in the page's language.
(function () {
  var number = document.getElementById("card_number");
  var line = document.getElementById("card-brand");
  var hint = document.getElementById("card_cvc-hint");
  if (!number || !line) { return; }
  var ranges = (line.getAttribute("data-ranges") || "").split(" ").map(function (r) {
    var p = r.split(":");
    return { brand: p[0], digits: +p[1], lo: +p[2], hi: +p[3] };
  });
  function brandOf(digits) {
    for (var i = 0; i < ranges.length; i++) {
      var r = ranges[i];
      if (digits.length < r.digits) { continue; }
      var prefix = +digits.slice(0, r.digits);
      if (prefix >= r.lo && prefix <= r.hi) { return r.brand; }
    }
    return null;
  }
  var shown; // unknown until the first keystroke: the server may have named a brand
  function update() {
    var digits = number.value.replace(/[\s-]/g, "");
    var brand = /^[0-9]+$/.test(digits) ? brandOf(digits) : null;
    if (brand === shown) { return; }
    shown = brand;
    line.textContent = brand ? line.getAttribute("data-" + brand) : "";
    if (hint) {
      hint.textContent = hint.getAttribute(brand === "amex" ? "data-amex" : brand ? "data-other" : "data-any");
    }
  }
  number.addEventListener("input", update);
})();
