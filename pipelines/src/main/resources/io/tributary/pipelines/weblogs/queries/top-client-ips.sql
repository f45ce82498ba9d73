-- Top 10 client IPs (ties: requests desc, client_ip asc)
SELECT `rank`, client_ip, requests FROM gold.weblogs_top_client_ips ORDER BY `rank`
