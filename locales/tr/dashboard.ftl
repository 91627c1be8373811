# What the merchant reads: the dashboard.
