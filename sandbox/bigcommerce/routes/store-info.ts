/** v2 store information and time. */
import type { RouteDeps, SandboxApp } from './common';
import { origin } from './common';

export function registerStoreInfo(app: SandboxApp, deps: RouteDeps): void {
  app.get('/v2/store', (c) => {
    const meta = c.get('store').meta;
    const base = origin(c);
    return c.json({
      id: meta.hash,
      // A valid uuid derived from the hash (store hashes are not hex).
      account_uuid: `00000000-0000-4000-8000-${Buffer.from(meta.hash).toString('hex').slice(0, 12).padStart(12, '0')}`,
      domain: meta.domain,
      secure_url: `https://${meta.domain}`,
      control_panel_base_url: `https://store-${meta.hash}.mybigcommerce.com`,
      status: 'live',
      name: meta.name,
      first_name: 'Casey',
      last_name: 'Cooper',
      address:
        meta.currency === 'EUR' ? 'Torstraße 1, 10119 Berlin, Germany' : '100 Congress Ave, Austin, TX 78701, USA',
      country: meta.currency === 'EUR' ? 'Germany' : 'United States',
      country_code: meta.currency === 'EUR' ? 'DE' : 'US',
      infrastructure_region: 'us-central1',
      phone: meta.currency === 'EUR' ? '+49 30 5550 1000' : '+1 512 555 0100',
      admin_email: `admin@${meta.domain}`,
      order_email: `orders@${meta.domain}`,
      favicon_url: `${base}/__sandbox/images/favicon.svg`,
      timezone: {
        name: meta.timezone,
        raw_offset: meta.timezone === 'Europe/Berlin' ? 3600 : -21600,
        dst_offset: 0,
        dst_correction: false,
        date_format: { display: 'jS M Y', export: 'M jS Y', extended_display: 'M jS Y @ g:i A' },
      },
      language: 'en',
      currency: meta.currency,
      currency_symbol: meta.currencySymbol,
      decimal_separator: meta.currency === 'EUR' ? ',' : '.',
      thousands_separator: meta.currency === 'EUR' ? '.' : ',',
      decimal_places: 2,
      currency_symbol_location: meta.currency === 'EUR' ? 'right' : 'left',
      weight_units: meta.currency === 'EUR' ? 'kg' : 'LBS',
      dimension_units: meta.currency === 'EUR' ? 'Centimeters' : 'Inches',
      dimension_decimal_places: 2,
      dimension_decimal_token: '.',
      dimension_thousands_token: ',',
      plan_name: 'Plus',
      plan_level: 'Plus',
      plan_is_trial: false,
      industry: 'Apparel & Accessories',
      logo: [],
      is_price_entered_with_tax: false,
      store_id: meta.currency === 'EUR' ? 1002 : 1001,
      default_channel_id: 1,
      default_site_id: 1000,
      active_comparison_modules: [],
      features: {
        stencil_enabled: true,
        sitewidehttps_enabled: true,
        facebook_catalog_id: '',
        checkout_type: 'optimized',
        wishlists_enabled: true,
        graphql_storefront_api_enabled: true,
        shopper_consent_tracking_enabled: false,
        multi_storefront_enabled: false,
      },
    });
  });

  app.get('/v2/time', (c) => c.json({ time: Math.floor(deps.now() / 1000) }));
}
