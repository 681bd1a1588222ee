console.log('portal-audit: not yet');
