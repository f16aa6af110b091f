// Starts Swagger UI (shipped by the fastapi-offline package, served by newsbrief) on this server's schema.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
