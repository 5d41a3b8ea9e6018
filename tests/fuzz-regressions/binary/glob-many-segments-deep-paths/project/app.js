App({ globalData: { apiBase: "https://api.example.com" } })
