// The OpenAPI page, served from our own files (no CDN, no inline script: the CSP stays strict).
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
});
