//! `launch(settings, listener, shutdown)`: the real server, started by a test on port 0.

use super::http;
use forecourt_db::db_test;
use forecourt_server::config::Settings;
use tokio::net::TcpListener;

db_test!(async fn serves_on_port_zero_and_stops_gracefully(test_db) {
    let url = test_db.url.clone();
    // The test database is already migrated; launch must cope with that and start at once.
    drop(test_db.db.clone());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(forecourt_server::launch(Settings::for_database(&url), listener, async {
        let _ = stopped.await;
    }));

    assert_eq!(http(&addr, "GET", "/healthz", None).await, (200, "ok".to_owned()));
    assert_eq!(http(&addr, "GET", "/readyz", None).await.0, 200);
    let (status, doc) = http(&addr, "GET", "/api/openapi.json", None).await;
    assert_eq!(status, 200);
    assert!(doc.contains("\"openapi\":\"3.1"));
    let (status, body) = http(&addr, "POST", "/api/v1/auth/login", Some(r#"{"username":"nobody","password":"whatever-it-is"}"#)).await;
    assert_eq!(status, 401);
    assert!(body.contains("invalid_credentials"));

    stop.send(()).unwrap();
    server.await.unwrap().expect("a clean shutdown");
    assert!(tokio::net::TcpStream::connect(&addr).await.is_err(), "the port is released");
});
