def test_login_page_is_indonesian(client):
    response = client.get("/masuk")
    assert response.status_code == 200
    assert "Masuk" in response.get_data(as_text=True)


def test_staff_signs_in_and_sees_home(client, two_units):
    client.login(two_units["A"]["staff"].nip)
    page = client.get("/").get_data(as_text=True)
    assert "Selamat datang, Staf A" in page
